"""Speech output: turning forum text into speech and playing it."""
