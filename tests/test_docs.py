"""Drift tests: the README keeps up with the commands and the set-up it promises."""

from __future__ import annotations

import re
from pathlib import Path

from newsgraph.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_screen_gives_exactly_the_two_setup_commands() -> None:
    first_screen = "\n".join(README.splitlines()[:24])
    block = re.search(r"```sh\n(.*?)```", first_screen, re.S)
    assert block is not None, "the README's first screen needs a shell block"
    commands = [line.split("#")[0].strip() for line in block[1].splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


def test_every_command_is_documented() -> None:
    for name in main.commands:  # type: ignore[attr-defined]
        assert f"newsgraph {name}" in README, f"README does not show `newsgraph {name}`"


def test_make_targets_in_the_readme_exist() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in set(re.findall(r"`make (\w+)`", README)):
        assert re.search(rf"^{target}:", makefile, re.M), f"Makefile has no target {target}"


def test_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
