"""Audio in and out: microphones, speakers, WAV files."""
