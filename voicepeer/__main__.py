import sys

from voicepeer.cli import main

sys.exit(main())
