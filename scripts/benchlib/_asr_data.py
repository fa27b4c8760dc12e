"""Synthetic speech for measuring recognition: espeak-ng voices, slow speech with pauses,
pink noise, low volume, and out-of-grammar talk.

Two disjoint sets: ``tune`` (voices, seeds and sentences used while choosing thresholds)
and ``eval`` (other voices, seeds and sentences, never looked at while tuning).
"""

from __future__ import annotations

import functools
import hashlib
import io
import random
import subprocess
import wave
from dataclasses import dataclass, field, replace

import numpy as np

from voicepeer.audio.input import to_mono_16k
from voicepeer.commands.intents import NUMBER_INTENTS, PHRASINGS, Intent
from voicepeer.commands.phrasebook import CHOICES
from voicepeer.recognition.voice_training import TRAINING_SENTENCES

VOICES = {
    "tune": ("en-us", "en-gb", "en-us+f2", "en-gb+m3"),
    "eval": ("en-gb-scotland", "en-029+f3", "en-us-nyc", "en-gb-x-rp+m2", "en-us+f4"),
}
SEEDS = {"tune": 1, "eval": 2024}

CHATTER = {
    "tune": (
        "I went to the shop this morning and it was busy",
        "the weather will be wet tomorrow",
        "did you feed the cat",
        "my legs are tired today",
        "in other news the prime minister said",
        "has anyone tried the new medication for fatigue",
        "put the kettle on please",
        "what time is the doctor coming",
        "the match starts at eight",
        "I think I need a rest",
        "where are my keys",
        "thank you very much",
        "and now the weather for the south east",
        "I had a really good day at the garden centre",
        "my neurologist changed my dose last month",
        "can you believe the price of petrol these days",
        "the dog needs a walk before it gets dark",
        "he scored in the last minute of the game",
        "I will ring my sister later",
        "the nurse is coming on Tuesday at ten",
        "there is a sale on at the garden centre",
        "the film starts in five minutes",
        "have you seen my glasses anywhere",
        "this soup is lovely and warm",
        "my hands feel numb again today",
        "the forecast says sunshine all week",
        "do you want a biscuit with that",
        "the children loved the museum",
        "my wheelchair needs new tyres",
        "the postman left a parcel next door",
    ),
    "eval": (
        "could you pass me the remote control",
        "the traffic on the motorway is terrible again",
        "scientists say the new treatment looks promising",
        "she said she would ring back after lunch",
        "we should paint the hallway blue",
        "the cooling vest really helped me in the summer",
        "is there any more milk in the fridge",
        "coming up after the break the latest sports results",
        "I find the heat makes my symptoms worse",
        "the grandchildren are visiting on Sunday",
        "does anyone else get numbness in their hands",
        "that programme about the coast was lovely",
        "my physio gave me some new exercises",
        "turn the oven down a bit",
        "the bus was late again this morning",
        "I struggle with stairs on bad days",
        "tonight on channel four a documentary about whales",
        "the pharmacy closes at six on Saturdays",
        "I could not sleep much last night",
        "let us have fish for dinner",
    ),
}

DICTATION = {
    "tune": (
        "thank you for sharing your story it really helped me today",
        "I have been feeling very tired since I started the new tablets",
        "my walking has been better this week",
    ),
    "eval": (
        "I am so sorry to hear that you are having a hard time",
        "my fatigue is much worse in the afternoon",
        "I was diagnosed with multiple sclerosis three years ago",
        "the heat always makes my legs feel heavy",
        "please let us know how your appointment goes",
        "I hope you feel better soon",
    ),
}

SEARCH_QUERIES = {"tune": ("fatigue", "heat"), "eval": ("numbness", "walking")}
NUMBERS = {"tune": ("three", "twelve", "twenty one"), "eval": ("seven", "fifteen", "forty two")}
NUMBER_VALUES = {
    "three": 3,
    "twelve": 12,
    "twenty one": 21,
    "seven": 7,
    "fifteen": 15,
    "forty two": 42,
}


@dataclass(frozen=True)
class Condition:
    name: str
    wpm: int
    gap_ms: int = 0
    """Pause espeak-ng puts between words (``-g``, in units of 10 ms at the default speed)."""
    snr_db: float | None = None
    gain_db: float = 0.0
    noise: str = "pink"
    """The kind of background at ``snr_db`` (see NOISES): "pink" (steady, even), "fan"
    (brown, rumbling), "kettle" (white hiss) or "tv" (another voice talking)."""
    lead_s: float = 0.6
    """Seconds of the room (and its background) heard before the person speaks."""
    tail_s: float = 0.4
    """Seconds of the room heard after."""


CONDITIONS = (
    Condition("normal", 160),
    Condition("slow", 95, gap_ms=30),
    Condition("slow", 120, gap_ms=15),
    Condition("noisy", 150, snr_db=15.0),
    Condition("noisy", 140, snr_db=10.0),
    Condition("quiet", 150, gain_db=-28.0),
)


@dataclass(frozen=True)
class Item:
    kind: str
    """"command", "chatter", "dictation" or "training"."""
    text: str
    voice: str
    condition: Condition
    intent: Intent | None = None
    slots: dict[str, int | str] = field(default_factory=dict)
    seed: int = 0
    """Seed of the noise and hiss mixed in (see render())."""
    state: str | None = None
    """The voice loop's state when it is said (voicepeer.voice.states.State values);
    ``None``: heard as any command, as ``voicepeer listen`` without ``--state``."""
    phrasing: str = "canonical"
    """For commands: "canonical" (the command card's wording), "natural" (an everyday way
    of asking) or "context" (words whose meaning the state decides)."""
    seen: bool = False
    """A natural phrasing voicepeer has word for word among its own (seen_phrasings.py)."""


def item_rng(split: str, *names: str) -> random.Random:
    """A generator of its own for one item (or one intent's choice of items), seeded by the
    split and the item's names: what is drawn for an item (voice, condition, number) stays
    the same when items are added or removed elsewhere, so that adding a command measures
    that command, not a new draw of every other one."""
    return random.Random(_stable_hash(str(SEEDS[split]), *names))


def _stable_hash(*names: str) -> int:
    key = "\x1f".join(names).encode()
    return int.from_bytes(hashlib.blake2b(key, digest_size=8).digest(), "big")


def numbers_for(intent: Intent | None, split: str) -> tuple[str, ...]:
    """The split's numbers that ``intent`` can take: a vote only a poll's choices (a stock
    forum's polls have at most CHOICES), a topic any."""
    if intent is Intent.VOTE:
        return tuple(n for n in NUMBERS[split] if NUMBER_VALUES[n] <= CHOICES)
    return NUMBERS[split]


def command_items(split: str, per_intent: int | None = None) -> list[Item]:
    voices = VOICES[split]
    items = []
    for intent, phrasings in PHRASINGS.items():
        chosen = (
            list(phrasings)
            if per_intent is None
            else item_rng(split, "command", intent.value).sample(
                phrasings, min(per_intent, len(phrasings))
            )
        )
        for phrase in chosen:
            rng = item_rng(split, "command", intent.value, phrase)
            slots: dict[str, int | str] = {}
            text = phrase
            if intent in NUMBER_INTENTS:
                number = rng.choice(numbers_for(intent, split))
                text, slots = f"{phrase} {number}", {"number": NUMBER_VALUES[number]}
            elif intent is Intent.SEARCH:
                query = rng.choice(SEARCH_QUERIES[split])
                text, slots = f"{phrase} {query}", {"query": query}
            items.append(
                Item("command", text, rng.choice(voices), rng.choice(CONDITIONS), intent, slots)
            )
    return items


def chatter_items(split: str) -> list[Item]:
    return [chatter_item(t, split, item_rng(split, "chatter", t)) for t in CHATTER[split]]


def chatter_item(text: str, split: str, rng: random.Random) -> Item:
    return Item("chatter", text, rng.choice(VOICES[split]), rng.choice(CONDITIONS))


def dictation_items(split: str) -> list[Item]:
    plain = (Condition("normal", 150), Condition("slow", 120, gap_ms=10))
    items = []
    for text in DICTATION[split]:
        rng = item_rng(split, "dictation", text)
        items.append(Item("dictation", text, rng.choice(VOICES[split]), rng.choice(plain)))
    return items


def espeak(text: str, voice: str, wpm: int, gap_ms: int = 0) -> np.ndarray:
    """``text`` spoken by espeak-ng, as 16 kHz mono int16."""
    done = subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(wpm), "-g", str(gap_ms), "--stdout", text],
        capture_output=True,
        check=True,
    )
    with wave.open(io.BytesIO(done.stdout)) as wav:
        rate = wav.getframerate()
        samples = np.frombuffer(wav.readframes(wav.getnframes()), dtype="<i2")
    return to_mono_16k(samples, rate)


def pink_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    """Pink (1/f) noise with unit RMS, shaped in the frequency domain."""
    spectrum = np.fft.rfft(rng.normal(size=n))
    freqs = np.fft.rfftfreq(n)
    freqs[0] = freqs[1]
    noise = np.fft.irfft(spectrum / np.sqrt(freqs), n)
    return noise / np.sqrt(np.mean(noise**2))


def brown_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    """Brown (1/f²) noise with unit RMS: the low rumble of a fan or a fridge."""
    spectrum = np.fft.rfft(rng.normal(size=n))
    freqs = np.fft.rfftfreq(n)
    freqs[0] = freqs[1]
    noise = np.fft.irfft(spectrum / freqs, n)
    return noise / np.sqrt(np.mean(noise**2))


def white_noise(n: int, rng: np.random.Generator) -> np.ndarray:
    """White noise with unit RMS: the hiss of a boiling kettle or a tap."""
    return rng.normal(size=n)


TV_LINES = (
    "good evening and welcome to the programme",
    "tonight we look at the history of the railways in the north",
    "the minister is expected to make a statement later this week",
    "and after the break we will be talking to a gardener from Devon",
    "rain will spread from the west during the afternoon",
    "the final score was two goals to one",
)
"""What the television says behind the person: in neither split's room talk."""
TV_VOICES = ("en-gb-x-gbclan", "en-gb-x-gbcwmd")
"""Voices of neither split."""


@functools.cache
def _tv_speech(voice: str) -> np.ndarray:
    return espeak(" ".join(TV_LINES), voice, 170).astype(np.float64)


def tv_talk(n: int, rng: np.random.Generator) -> np.ndarray:
    """Another voice reading without pause, unit RMS: a television."""
    speech = _tv_speech(TV_VOICES[int(rng.integers(len(TV_VOICES)))])
    start = int(rng.integers(0, max(1, speech.size - n)))
    talk = np.resize(speech[start:], n)
    return talk / np.sqrt(np.mean(talk**2))


NOISES = {"pink": pink_noise, "fan": brown_noise, "kettle": white_noise, "tv": tv_talk}


def numbered(items: list[Item]) -> list[Item]:
    """``items`` with seeds of their own (from what is said, by whom, how and where), so
    each renders the same in every run and subset, whatever else is measured beside it."""
    return [
        replace(
            item,
            seed=_stable_hash(
                item.kind, item.text, item.voice, item.condition.name, str(item.state)
            ),
        )
        for item in items
    ]


TRAINING_CONDITION = Condition("training", 150)
"""How a person reads the voice-training sentences at set-up: own pace, a quiet room."""


def training_items(voice: str) -> list[Item]:
    """The voice-training sentences as ``voice`` reads them (``voicepeer train-voice``)."""
    return [
        Item("training", sentence, voice, TRAINING_CONDITION, seed=1000 + index)
        for index, sentence in enumerate(TRAINING_SENTENCES)
    ]


def render(item: Item) -> np.ndarray:
    """The item as it reaches the microphone: lead-in and tail, noise, volume."""
    speech = espeak(item.text, item.voice, item.condition.wpm, item.condition.gap_ms)
    return at_microphone(speech, item)


def at_microphone(speech: np.ndarray, item: Item) -> np.ndarray:
    """``speech`` as it reaches the microphone in ``item``'s condition (see render())."""
    rng = np.random.default_rng(item.seed)
    speech = speech.astype(np.float64)
    lead = np.zeros(int(16000 * item.condition.lead_s))
    signal = np.concatenate([lead, speech, np.zeros(int(16000 * item.condition.tail_s))])
    voiced = speech[np.abs(speech) > 100]
    speech_rms = float(np.sqrt(np.mean(voiced**2))) if voiced.size else 1000.0
    if item.condition.snr_db is not None:
        noise_rms = speech_rms / 10 ** (item.condition.snr_db / 20)
        signal = signal + NOISES[item.condition.noise](signal.size, rng) * noise_rms
    signal = signal * 10 ** (item.condition.gain_db / 20)
    # A real microphone always hisses a little; exact digital silence never happens.
    signal = signal + rng.normal(0, 6, signal.size)
    return np.clip(np.round(signal), -32768, 32767).astype(np.int16)
