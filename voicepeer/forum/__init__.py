"""Forum access: the Discourse API client and what voicepeer keeps of the forum locally."""
