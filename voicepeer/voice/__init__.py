"""The voice loop: what voicepeer says and does in answer to what the user says."""
