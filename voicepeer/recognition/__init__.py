"""Speech recognition: turning what the user says into text."""
