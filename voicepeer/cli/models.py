"""``voicepeer models list | download NAME | verify [NAME]``: manage speech models."""

from __future__ import annotations

import argparse
import dataclasses
import sys
import textwrap
from pathlib import Path

from voicepeer.speech_models import (
    ModelListing,
    ModelSettings,
    ProgressBar,
    download_model,
    install_archive,
    list_models,
    models_dir,
    verify_models,
)
from voicepeer.speech_models.catalogue import catalogue_entry
from voicepeer.speech_models.download import base_url
from voicepeer.speech_models.inventory import KOREAN_NAME, POCKETSPHINX_NAME, ModelReport
from voicepeer.speech_models.model_language import named_for
from voicepeer.speech_models.settings import DEFAULT_VOSK_MODEL


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "models",
        help="list, download and check speech models",
        description="Manage the speech models voicepeer listens with.",
    )
    parser.add_argument("--dir", help="models folder (default: automatic)")
    parser.set_defaults(handler=lambda args: _help(parser))
    actions = parser.add_subparsers(dest="models_command", metavar="ACTION")

    listing = actions.add_parser("list", help="show installed and downloadable models")
    listing.set_defaults(handler=run_list)

    download = actions.add_parser("download", help="download and install a model")
    download.add_argument(
        "name",
        nargs="?",
        default=DEFAULT_VOSK_MODEL,
        help=f"model name (default: {DEFAULT_VOSK_MODEL})",
    )
    download.add_argument("--base-url", help="download site to use instead of the Vosk site")
    download.add_argument("--force", action="store_true", help="download again if installed")
    download.set_defaults(handler=run_download)

    install = actions.add_parser("install", help="install a model archive copied from elsewhere")
    install.add_argument("archive", type=Path, help="the model's .zip file")
    install.add_argument("--force", action="store_true", help="replace an installed copy")
    install.set_defaults(handler=run_install)

    verify = actions.add_parser("verify", help="check installed models are complete")
    verify.add_argument("name", nargs="?", help="model to check (default: all installed)")
    verify.add_argument("--load", action="store_true", help="also open each model in Vosk")
    verify.set_defaults(handler=run_verify)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _settings(args: argparse.Namespace) -> ModelSettings:
    """The [models] section of the configuration file, with command-line overrides."""
    from voicepeer.config import load_settings

    settings = load_settings(getattr(args, "config", None)).models
    return dataclasses.replace(
        settings,
        models_dir=getattr(args, "dir", None) or settings.models_dir,
        model_base_url=getattr(args, "base_url", None) or settings.model_base_url,
    )


def run_list(args: argparse.Namespace) -> int:
    settings = _settings(args)
    listings = list_models(settings)
    english = [entry for entry in listings if entry.for_english]
    unknown = [entry for entry in listings if not entry.language_known]
    others = [entry for entry in listings if entry.language_known and not entry.for_english]
    print("Speech models for English:\n")
    for entry in english:
        _print_entry(entry, settings)
    if others:
        print("\nInstalled, but NOT for English: voicepeer cannot listen to English with these.\n")
        for entry in others:
            _print_entry(entry, settings)
    if unknown:
        print(
            "\nInstalled, language not known: neither the name, the README nor the words of\n"
            "these say which language they are for.\n"
        )
        for entry in unknown:
            _print_entry(entry, settings)
            print(
                textwrap.fill(
                    "If it is for English, rename its folder to "
                    f"{named_for('en-us', entry.name)} (for another language, its code in "
                    "place of en-us): voicepeer then knows its language. If [models] "
                    "vosk_model names it, change that too.",
                    width=88,
                    initial_indent="    ",
                    subsequent_indent="    ",
                )
            )
    if not any(e.status == "installed" and e.engine == "vosk" for e in english):
        print(
            "\nNo English Vosk model is installed: voicepeer listens with the built-in one,\n"
            "which is weak for dictating replies. To install the recommended English model,\n"
            "run: voicepeer models download"
        )
    print(f"\nNew models are installed in {models_dir(settings)}")
    return 0


def _print_entry(entry: ModelListing, settings: ModelSettings) -> None:
    size = f", about {entry.approx_size_mb} MB" if entry.approx_size_mb else ""
    if not entry.language_known:
        language = ", language not known"
    else:
        language = "" if entry.for_english else f", {entry.language_name}"
    # The built-in one says what it is in its description already.
    kind = ", PocketSphinx" if entry.engine == "sphinx" and entry.status != "built in" else ""
    print(f"{entry.name}  [{entry.status}{kind}{language}{size}]")
    print(
        textwrap.fill(
            entry.description,
            width=88,
            initial_indent="    ",
            subsequent_indent="    ",
            # A folder or a setting to copy stays whole, hyphens and all.
            break_on_hyphens=False,
            break_long_words=False,
        )
    )
    if entry.path is not None:
        print(f"    in {entry.path}")
    elif entry.status == "available" and (info := catalogue_entry(entry.name)):
        print(f"    from {info.url(base_url(settings))}")


def run_download(args: argparse.Namespace) -> int:
    try:
        download_model(
            args.name, settings=_settings(args), progress=ProgressBar(sys.stderr), force=args.force
        )
    except KeyboardInterrupt:
        print(
            "\nStopped. Run the same command again to continue where it left off.", file=sys.stderr
        )
        return 130
    return 0


def run_install(args: argparse.Namespace) -> int:
    install_archive(
        args.archive, settings=_settings(args), progress=ProgressBar(sys.stderr), force=args.force
    )
    return 0


def run_verify(args: argparse.Namespace) -> int:
    reports = verify_models(args.name, _settings(args), load=args.load)
    if not reports:
        print("No speech models are installed. Run: voicepeer models download")
        return 1
    for report in reports:
        where = f" ({report.path})" if report.path else ""
        if report.ok:
            print(f"{report.name}: OK{where}")
        else:
            print(f"{report.name}: PROBLEM{where}: {'; '.join(report.problems)}")
    failed = [report for report in reports if not report.ok]
    if failed:
        print(_repair(failed[0]), file=sys.stderr)
    return 1 if failed else 0


def _repair(report: ModelReport) -> str:
    if report.name == POCKETSPHINX_NAME:
        return "To repair, install voicepeer again with scripts/setup (the model comes with it)."
    if report.engine == "sphinx" or (
        catalogue_entry(report.name) is None and report.name != KOREAN_NAME
    ):
        # Copied in by hand: there is nothing to download it from.
        return (
            f"To repair, copy {report.name} in again from where it came from, or remove its "
            f"folder {report.path}."
        )
    return f"To repair, run: voicepeer models download --force {report.name}"
