"""voicepeer: hands-free, eyes-free access to online peer-support forums."""

__version__ = "0.1.0"
