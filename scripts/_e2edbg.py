import sys, time, tempfile
from pathlib import Path
import scripts.benchlib.e2e as e
import voicepeer.recognition.listener as L
orig = L.AudioListener._finish
def fin(self, ep, why):
    r = orig(self, ep, why)
    print(f"{time.monotonic():.2f} finish {why} {r.text!r}", file=sys.stderr)
    return r
L.AudioListener._finish = fin
import voicepeer.voice.assistant as A
osay = A.Assistant.say
def say(self, text):
    print(f"{time.monotonic():.2f} say {text[:40]!r}", file=sys.stderr)
    osay(self, text)
    print(f"{time.monotonic():.2f} said", file=sys.stderr)
A.Assistant.say = say
import voicepeer.recognition.sphinx as S
opeek = S.SphinxRecognizer.peek
def peek(self):
    t=time.monotonic(); r=opeek(self); print(f"{time.monotonic():.2f} peek {time.monotonic()-t:.2f}s {r.text!r}", file=sys.stderr); return r
S.SphinxRecognizer.peek = peek
with tempfile.TemporaryDirectory() as t:
    print(e._child(Path(t)))
