"""Loading and validating the knowledge folder into the immutable model.

Every problem in every file is collected first; then :class:`KnowledgeError` is raised
with all of them. No other exception escapes, whatever the files contain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bot.knowledge import checks
from bot.knowledge.errors import KnowledgeError, Problem
from bot.knowledge.glossary_file import GlossaryDraft, parse_glossary_file
from bot.knowledge.model import Library, Paragraph, Reading
from bot.knowledge.paragraphs import split_paragraphs, squash
from bot.knowledge.positions_file import PositionDraft, PositionsFile, parse_positions_file
from bot.knowledge.prompts_file import PromptDraft, parse_prompts_file
from bot.knowledge.reading_file import ReadingDraft, parse_reading_file
from bot.knowledge.schema import (
    GLOSSARY_FILE,
    POSITIONS_DIR,
    PROMPTS_FILE,
    READING_FILE,
    SCHEMA_DIR,
)
from bot.knowledge.yamlfile import WHOLE_FILE, read_text
from bot.paths import knowledge_dir

__all__ = ["load_library", "load_reading"]

FOLDER = "(folder)"
UNEXPECTED = "unexpected error while loading"
T = TypeVar("T")


def load_library(path: Path | None = None) -> Library:
    """Load every reading under a knowledge folder (or the one reading folder `path`).

    Reading ids are unique because each must equal its folder's name.
    """
    root = knowledge_dir() if path is None else path
    problems: list[Problem] = []
    readings: list[Reading] = []
    try:
        folders = _reading_folders(root, problems)
    except OSError as exc:
        problems.append(Problem(root, FOLDER, f"cannot list the folder: {exc.strerror or exc}"))
        folders = []
    for folder in folders:
        reading = _load_safely(folder, problems)
        if reading is not None:
            readings.append(reading)
    if problems:
        raise KnowledgeError(problems)
    return Library(tuple(readings))


def load_reading(folder: Path) -> Reading:
    """Load and validate one reading folder."""
    problems: list[Problem] = []
    reading = _load_safely(folder, problems)
    if problems or reading is None:
        raise KnowledgeError(
            problems or [Problem(folder, FOLDER, "the reading could not be loaded")]
        )
    return reading


def _reading_folders(root: Path, problems: list[Problem]) -> list[Path]:
    """The reading folders `root` names: itself, or its subfolders holding a reading.yaml."""
    if root.is_file():
        if root.name == READING_FILE:
            return [root.parent]
        problems.append(
            Problem(root, FOLDER, "is a file; give a knowledge folder or a reading folder")
        )
        return []
    if not root.is_dir():
        problems.append(Problem(root, FOLDER, "the knowledge folder does not exist"))
        return []
    if (root / READING_FILE).is_file():
        return [root]
    folders: list[Path] = []
    for sub in sorted(root.iterdir()):
        if not sub.is_dir() or sub.name == SCHEMA_DIR or sub.name.startswith((".", "_")):
            continue
        if (sub / READING_FILE).is_file():
            folders.append(sub)
        elif any(sub.glob("*.y*ml")):
            problems.append(
                Problem(sub, FOLDER, f"this folder has YAML files but no {READING_FILE}")
            )
    if not folders and not problems:
        problems.append(
            Problem(
                root, FOLDER, f"no readings found: a reading is a folder holding a {READING_FILE}"
            )
        )
    return folders


def _load_safely(folder: Path, problems: list[Problem]) -> Reading | None:
    """Load one reading, adding its problems; a last guard turns any surprise into one."""
    before = len(problems)
    try:
        reading = _ReadingLoader(folder, problems).load()
    except KnowledgeError as exc:
        problems.extend(exc.problems)
        return None
    except OSError as exc:
        problems.append(Problem(folder, FOLDER, f"cannot be read: {exc.strerror or exc}"))
        return None
    except Exception as exc:  # the last guard: report, never crash the caller
        problems.append(
            Problem(folder, FOLDER, f"{UNEXPECTED} ({type(exc).__name__}: {exc}); please report it")
        )
        return None
    return reading if len(problems) == before else None


@dataclass
class _ReadingLoader:
    """Loads one reading folder: parses each file, then checks them against each other."""

    folder: Path
    problems: list[Problem]
    paragraphs: list[str] | None = None
    files: list[PositionsFile] = field(default_factory=list)
    prompts: list[PromptDraft] = field(default_factory=list)
    glossary: list[GlossaryDraft] = field(default_factory=list)

    def load(self) -> Reading | None:
        """The reading, or None when any problem was found (all of them are reported)."""
        before = len(self.problems)
        draft = parse_reading_file(self.folder / READING_FILE, self.problems)
        if draft is not None:
            self.paragraphs = self._read_text(draft)
        self.files = self._read_positions(draft.contributor_ids if draft else None)
        prompts_path = self.folder / PROMPTS_FILE
        if prompts_path.exists():
            self.prompts = parse_prompts_file(prompts_path, self.problems)
        self.glossary = self._read_glossary()
        if draft is None:
            return None  # each file was checked on its own; nothing to check them against
        offsets = self._check(draft)
        if len(self.problems) > before:
            return None
        return self._build(draft, offsets)

    def _read_text(self, draft: ReadingDraft) -> list[str] | None:
        if draft.text is None:
            return None
        if Path(draft.text).name != draft.text:
            self.problems.append(
                Problem(
                    draft.file,
                    "top level",
                    f"'text' must be the name of a file beside {READING_FILE}, like text.txt",
                )
            )
            return None
        raw = read_text(self.folder / draft.text, self.problems, "the text file")
        if raw is None:
            return None
        paragraphs = split_paragraphs(raw)
        if not paragraphs:
            self.problems.append(
                Problem(self.folder / draft.text, WHOLE_FILE, "the text file has no paragraphs")
            )
            return None
        return paragraphs

    def _read_glossary(self) -> list[GlossaryDraft]:
        """glossary.yaml when there is one (it is optional)."""
        path = self.folder / GLOSSARY_FILE
        odd = path.with_suffix(".yml")
        if odd.exists():
            self.problems.append(
                Problem(odd, WHOLE_FILE, f"the glossary file ends in .yaml; rename it {path.name}")
            )
        if not path.exists():
            return []
        return parse_glossary_file(path, self.problems)

    def _read_positions(self, contributor_ids: list[str] | None) -> list[PositionsFile]:
        folder = self.folder / POSITIONS_DIR
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        for odd in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            self.problems.append(
                Problem(odd, WHOLE_FILE, f"positions files end in .yaml; rename it {odd.stem}.yaml")
            )
        if not paths:
            self.problems.append(
                Problem(
                    folder,
                    FOLDER,
                    "the reading has no positions: add one file per contributor, "
                    "positions/<contributor id>.yaml",
                )
            )
        return [parse_positions_file(p, contributor_ids, self.problems) for p in paths]

    @property
    def positions(self) -> list[PositionDraft]:
        return [p for f in self.files for p in f.positions]

    def _check(self, draft: ReadingDraft) -> dict[int, int]:
        """Cross-file checks; returns each position's quote offset (by index) for sorting."""
        count = len(self.paragraphs) if self.paragraphs is not None else None
        owners = checks.paragraph_owners(draft.contributors, count, self.problems)
        positions = self.positions
        by_id = checks.unique_positions(positions, self.problems)
        complete = bool(self.files) and all(f.readable for f in self.files)
        offsets: dict[int, int] = {}
        if self.paragraphs is not None:
            squashed = [squash(text) for text in self.paragraphs]
            contributors = {c.id: c for c in draft.contributors if c.id is not None}
            for i, p in enumerate(positions):
                offset = checks.check_quote(
                    p, self.paragraphs, squashed, owners, contributors, self.problems
                )
                if offset is not None:
                    offsets[i] = offset
            if self.files:
                checks.check_coverage(
                    draft.contributors,
                    self.files,
                    owners,
                    self.folder / POSITIONS_DIR,
                    len(self.paragraphs),
                    self.problems,
                )
        ids = draft.contributor_ids
        checks.check_targets(positions, by_id, ids, complete, self.problems)
        if complete:
            checks.check_prompts(self.prompts, by_id, self.problems)
            if self.paragraphs is not None:  # a word may be in a position of a broken file
                checks.check_glossary(self.glossary, self.paragraphs, positions, self.problems)
        return offsets

    def _build(self, draft: ReadingDraft, offsets: dict[int, int]) -> Reading | None:
        """The model, once every check has passed."""
        contributors = _built([c.build() for c in draft.contributors])
        positions = _built([p.build() for p in self.positions])
        prompts = _built([p.build() for p in self.prompts])
        glossary = _built([g.build() for g in self.glossary])
        if (
            draft.id is None
            or draft.title is None
            or self.paragraphs is None
            or contributors is None
            or positions is None
            or prompts is None
            or glossary is None
        ):
            self.problems.append(Problem(self.folder, FOLDER, "the reading is incomplete"))
            return None
        owner = {n: c.id for c in contributors for n in c.paragraphs}
        order = sorted(
            range(len(positions)), key=lambda i: (positions[i].paragraph, offsets.get(i, 0), i)
        )
        return Reading(
            id=draft.id,
            title=draft.title,
            series=draft.series,
            publisher=draft.publisher,
            date=draft.date,
            url=draft.url,
            paragraphs=tuple(
                Paragraph(n, text, owner.get(n)) for n, text in enumerate(self.paragraphs)
            ),
            contributors=tuple(sorted(contributors, key=lambda c: c.order)),
            positions=tuple(positions[i] for i in order),
            prompts=tuple(prompts),
            glossary=tuple(glossary),
        )


def _built(items: list[T | None]) -> list[T] | None:
    """The items when every one was built, else None."""
    present = [item for item in items if item is not None]
    return present if len(present) == len(items) else None
