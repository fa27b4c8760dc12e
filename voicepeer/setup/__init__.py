"""Set-up tools for a caregiver: the wizard (``voicepeer configure``), the checks behind
``voicepeer doctor``, the sound check and voice training at the microphone, and pausing the
service while they run. They build every engine through the voice loop's own factories, so
what they test is what voicepeer uses."""
