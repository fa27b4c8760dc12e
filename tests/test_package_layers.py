"""The interpreter (voicepeer.commands) and the recognizers (voicepeer.recognition) depend
one way only: recognition never imports commands, and commands imports nothing of
recognition but the types they share (recognition.base), which imports no voicepeer
module at all. Checked on the source with ast, so lazy imports inside functions count."""

from __future__ import annotations

import ast
from pathlib import Path

import voicepeer

PACKAGE = Path(voicepeer.__file__).parent


def imported_modules(path: Path) -> set[str]:
    """Every voicepeer module ``path`` imports, anywhere in the file, relative imports
    ("from ..commands import x") made absolute."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(path, node.module, node.level)
            found.add(module)
            found |= {f"{module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "voicepeer"}


def _absolute(path: Path, module: str | None, level: int) -> str:
    if level == 0:
        return module or ""
    package = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)[:-level]
    return ".".join([*package, *([module] if module else [])])


def imports_of(package: str) -> dict[str, set[str]]:
    return {
        str(path.relative_to(PACKAGE)): imported_modules(path)
        for path in sorted((PACKAGE / package).rglob("*.py"))
    }


def test_recognition_never_imports_commands() -> None:
    offending = {
        file: sorted(m for m in modules if m.startswith("voicepeer.commands"))
        for file, modules in imports_of("recognition").items()
    }
    assert {f: m for f, m in offending.items() if m} == {}


def test_commands_import_only_the_shared_types_of_recognition() -> None:
    offending = {
        file: sorted(
            m
            for m in modules
            if m.startswith("voicepeer.recognition")
            and not m.startswith("voicepeer.recognition.base")
        )
        for file, modules in imports_of("commands").items()
    }
    assert {f: m for f, m in offending.items() if m} == {}


def test_the_shared_types_import_no_voicepeer_module() -> None:
    assert imported_modules(PACKAGE / "recognition" / "base.py") == set()
    # Importing the shared types must not load the engines either.
    assert imported_modules(PACKAGE / "recognition" / "__init__.py") == set()


def test_the_check_sees_lazy_imports(tmp_path: Path) -> None:
    source = tmp_path / "lazy.py"
    source.write_text(
        "def f():\n    from voicepeer.commands.intents import Intent\n"
        "    import voicepeer.recognition.sphinx\n",
        "utf-8",
    )
    assert imported_modules(source) == {
        "voicepeer.commands.intents",
        "voicepeer.commands.intents.Intent",
        "voicepeer.recognition.sphinx",
    }


def test_the_check_sees_relative_imports() -> None:
    inside = PACKAGE / "recognition" / "listener.py"
    assert _absolute(inside, "commands.intents", 2) == "voicepeer.commands.intents"
    assert _absolute(inside, None, 1) == "voicepeer.recognition"
