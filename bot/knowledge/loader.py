"""Loading and validating the knowledge folder into the immutable model.

Every problem in every file is collected first; then :class:`KnowledgeError` is raised
with all of them. No other exception escapes, whatever the files contain.

Validation (pydantic, :mod:`bot.knowledge.files`, and the checks across files) runs when
a reading's files changed since it last loaded; otherwise the model comes from the cache of
validated readings (:mod:`bot.knowledge.cache`), so start-up does not pay for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.knowledge.cache import ReadingCache, default_folder, folder_key
from bot.knowledge.errors import KnowledgeError, Problem
from bot.knowledge.layout import (
    GLOSSARY_FILE,
    POSITIONS_DIR,
    PROMPTS_FILE,
    READING_FILE,
    SCHEMA_DIR,
)
from bot.knowledge.limits import cut
from bot.knowledge.model import (
    Contributor,
    GlossaryEntry,
    Library,
    Paragraph,
    Position,
    Prompt,
    Reading,
    Target,
)
from bot.knowledge.paragraphs import split_paragraphs, squash

if TYPE_CHECKING:
    from bot.knowledge.checks import OwnedFile, Term
    from bot.knowledge.files import PromptsFile, ReadingFile

__all__ = ["load_library", "load_reading"]

FOLDER = "(folder)"
WHOLE_FILE = "(whole file)"
UNEXPECTED = "unexpected error while loading"
TOP = "top level"


def load_library(path: Path | None = None, *, use_cache: bool = True) -> Library:
    """Load every reading under a knowledge folder (or the one reading folder `path`).

    Reading ids are unique because each must equal its folder's name. With `use_cache`
    a reading whose files are unchanged is not validated again (``validate`` always
    validates).
    """
    from bot.paths import knowledge_dir

    root = knowledge_dir() if path is None else path
    problems: list[Problem] = []
    try:
        folders = _reading_folders(root, problems)
    except OSError as exc:
        problems.append(Problem(root, FOLDER, f"cannot list the folder: {exc.strerror or exc}"))
        folders = []
    if problems:
        raise KnowledgeError(problems)
    store = ReadingCache(default_folder() if use_cache else None)
    readings: list[Reading] = []
    for folder in folders:
        reading = _load_cached(folder, problems, store)
        if reading is not None:
            readings.append(reading)
    if problems:
        raise KnowledgeError(problems)
    return Library(tuple(readings))


def load_reading(folder: Path, *, cache: ReadingCache | None = None) -> Reading:
    """Load and validate one reading folder.

    Always validated, unless `cache` holds a reading of exactly these files (and of this
    loader); a reading that validates is then stored there, with its summary.
    """
    problems: list[Problem] = []
    reading = _load_cached(folder, problems, cache)
    if problems or reading is None:
        raise KnowledgeError(
            problems or [Problem(folder, FOLDER, "the reading could not be loaded")]
        )
    return reading


def _load_cached(
    folder: Path, problems: list[Problem], store: ReadingCache | None
) -> Reading | None:
    """The cached reading of `folder`'s current files, else validated (and then stored).

    A reading is stored only if its files did not change while it loaded, so an entry
    always holds what validated from exactly the files its key names; a broken reading
    stores only its problems, for `readings` to list.
    """
    key = None if store is None or store.folder is None else folder_key(folder)
    if store is None or key is None:
        return _load_safely(folder, problems)
    cached = store.get(folder.name, key)
    if cached is not None:
        return cached
    before = len(problems)
    reading = _load_safely(folder, problems)
    if folder_key(folder) != key:
        return reading  # edited meanwhile: the next load validates what is there now
    if reading is None:
        found = [str(p) for p in problems[before:]] or ["the reading could not be loaded"]
        store.put_summary(folder.name, key, {"problems": found})
    else:
        store.put(reading, key)
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


def reading_ids(root: Path) -> list[str]:
    """The ids of the readings under a knowledge folder (their folder names); [] if none."""
    try:
        return [folder.name for folder in _reading_folders(root, [])]
    except OSError:
        return []


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
    except RecursionError:
        problems.append(Problem(folder, FOLDER, "a file is nested far too deeply"))
        return None
    except Exception as exc:  # the last guard: report, never crash the caller
        detail = cut(f"{type(exc).__name__}: {exc}", 120)
        problems.append(Problem(folder, FOLDER, f"{UNEXPECTED} ({detail}); please report it"))
        return None
    return reading if len(problems) == before else None


@dataclass
class _ReadingLoader:
    """Loads one reading folder: validates each file, then checks them against each other."""

    folder: Path
    problems: list[Problem]
    paragraphs: list[str] | None = None
    files: list[OwnedFile] = field(default_factory=list)
    prompts: PromptsFile | None = None
    glossary: list[Term] = field(default_factory=list)

    def load(self) -> Reading | None:
        """The reading, or None when any problem was found (all of them are reported)."""
        before = len(self.problems)
        reading = self._read_reading()
        if reading is not None:
            self.paragraphs = self._read_text(reading)
        self.files = self._read_positions(self._contributor_ids(reading))
        self.prompts = self._read_prompts()
        self.glossary = self._read_glossary()
        if reading is None:
            return None  # each file was checked on its own; nothing to check them against
        offsets = self._check(reading)
        if len(self.problems) > before:
            return None
        return self._build(reading, offsets)

    def _validate(self, model: Any, path: Path, shape: str) -> Any:
        """One file's model (salvaged when it has problems), or None when unreadable."""
        from bot.knowledge.parse import validate_file
        from bot.knowledge.yamlfile import read_mapping

        data = read_mapping(path, self.problems, shape)
        return None if data is None else validate_file(model, data, path, self.problems)

    def _read_reading(self) -> ReadingFile | None:
        from bot.knowledge.checks import unique_contributors
        from bot.knowledge.files import ReadingFile
        from bot.knowledge.translate import allowed_keys

        path = self.folder / READING_FILE
        shape = f"the keys {', '.join(allowed_keys(ReadingFile))}"
        reading: ReadingFile | None = self._validate(ReadingFile, path, shape)
        if reading is None:
            return None
        if reading.id is not None and reading.id != path.parent.name:
            self.problems.append(
                Problem(
                    path,
                    TOP,
                    f"'id' is '{cut(reading.id)}' but the folder is named '{path.parent.name}'; "
                    "they must be the same",
                )
            )
        unique_contributors(reading.contributors or [], self.problems)
        return reading

    @staticmethod
    def _contributor_ids(reading: ReadingFile | None) -> list[str] | None:
        """The contributor ids, or None when some could not be read (nothing to check against)."""
        if reading is None or reading.contributors is None or "contributors" in reading.broken:
            return None
        ids = [c.id for c in reading.contributors if c.id is not None]
        return ids if ids and len(ids) == len(reading.contributors) else None

    def _read_text(self, reading: ReadingFile) -> list[str] | None:
        from bot.knowledge.yamlfile import read_text

        if reading.text is None:
            return None
        if Path(reading.text).name != reading.text:
            self.problems.append(
                Problem(
                    reading.file,
                    TOP,
                    f"'text' must be the name of a file beside {READING_FILE}, like text.txt",
                )
            )
            return None
        raw = read_text(self.folder / reading.text, self.problems, "the text file")
        if raw is None:
            return None
        paragraphs = split_paragraphs(raw)
        if not paragraphs:
            self.problems.append(
                Problem(self.folder / reading.text, WHOLE_FILE, "the text file has no paragraphs")
            )
            return None
        return paragraphs

    def _read_prompts(self) -> PromptsFile | None:
        """prompts.yaml when there is one (it is optional)."""
        from bot.knowledge.checks import unique_prompts
        from bot.knowledge.files import PromptsFile

        path = self.folder / PROMPTS_FILE
        if not path.exists():
            return None
        prompts: PromptsFile | None = self._validate(PromptsFile, path, "'prompts:' (a list)")
        if prompts is not None:
            unique_prompts(prompts.prompts or [], self.problems)
        return prompts

    def _read_glossary(self) -> list[Term]:
        """glossary.yaml's terms when there is one (it is optional)."""
        from bot.knowledge.checks import unique_terms
        from bot.knowledge.files import GlossaryFile
        from bot.knowledge.translate import EXAMPLE

        path = self.folder / GLOSSARY_FILE
        odd = path.with_suffix(".yml")
        if odd.exists():
            self.problems.append(
                Problem(odd, WHOLE_FILE, f"the glossary file ends in .yaml; rename it {path.name}")
            )
        if not path.exists():
            return []
        from bot.knowledge.yamlfile import read_mapping

        shape = f"'glossary:' (a mapping of members' words to the text's words, like {EXAMPLE})"
        data = read_mapping(path, self.problems, shape)
        if data is None:
            return []
        from bot.knowledge.parse import validate_file

        validate_file(GlossaryFile, data, path, self.problems)
        terms = _terms(GlossaryFile, path, data.get(GlossaryFile.terms_key))
        unique_terms(terms, self.problems)
        return terms

    def _read_positions(self, contributor_ids: list[str] | None) -> list[OwnedFile]:
        from bot.knowledge.checks import OwnedFile, positions_owner
        from bot.knowledge.files import PositionsFile

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
        files: list[OwnedFile] = []
        shape = "'contributor: <id>' and 'positions:' (a list)"
        for path in paths:
            data: PositionsFile | None = self._validate(PositionsFile, path, shape)
            if data is None:
                known = contributor_ids is not None and path.stem in contributor_ids
                files.append(OwnedFile(path, path.stem if known else None, [], readable=False))
                continue
            owner = positions_owner(data, contributor_ids, self.problems)
            for position in data.positions or []:
                position.own(owner)
            files.append(OwnedFile(path, owner, list(data.positions or []), readable=True))
        return files

    def _check(self, reading: ReadingFile) -> dict[int, int]:
        """Cross-file checks; returns each position's quote offset (by index) for sorting."""
        from bot.knowledge import checks

        contributors = reading.contributors or []
        count = len(self.paragraphs) if self.paragraphs is not None else None
        owners = checks.paragraph_owners(contributors, count, self.problems)
        positions = [p for f in self.files for p in f.positions]
        by_id = checks.unique_positions(positions, self.problems)
        complete = bool(self.files) and all(f.readable for f in self.files)
        offsets: dict[int, int] = {}
        if self.paragraphs is not None:
            squashed = [squash(text) for text in self.paragraphs]
            by_contributor = {c.id: c for c in contributors if c.id is not None}
            for i, p in enumerate(positions):
                offset = checks.check_quote(
                    p, self.paragraphs, squashed, owners, by_contributor, self.problems
                )
                if offset is not None:
                    offsets[i] = offset
            if self.files:
                checks.check_coverage(
                    contributors,
                    self.files,
                    owners,
                    self.folder / POSITIONS_DIR,
                    len(self.paragraphs),
                    self.problems,
                )
        ids = self._contributor_ids(reading)
        checks.check_targets(positions, by_id, ids, complete, self.problems)
        if complete:
            if self.prompts is not None:
                checks.check_prompts(self.prompts.prompts or [], by_id, self.problems)
            if self.paragraphs is not None:  # a word may be in a position of a broken file
                checks.check_glossary(self.glossary, self.paragraphs, positions, self.problems)
        return offsets

    def _build(self, reading: ReadingFile, offsets: dict[int, int]) -> Reading:
        """The model, once every check has passed (so every entry validated whole)."""
        assert self.paragraphs is not None
        contributors = [
            Contributor(
                id=c.id,
                name=c.name,
                short_name=c.short_name,
                aliases=tuple(c.aliases),
                affiliation=c.affiliation,
                order=c.order,
                paragraphs=tuple(sorted(c.paragraphs)),
                bio=c.bio,
                pronoun=c.pronoun,
            )
            for c in reading.contributors
        ]
        positions = [
            Position(
                id=p.id,
                contributor_id=f.contributor_id or "",
                kind=p.kind,
                summary=p.summary,
                topics=tuple(p.topics),
                quote=p.quote,
                paragraph=p.paragraph,
                target=(
                    None
                    if p.responds_to is None
                    else Target(p.responds_to.contributor, p.responds_to.position)
                ),
                central=p.central,
                reviewed=p.reviewed,
            )
            for f in self.files
            for p in f.positions
        ]
        prompts = [
            Prompt(p.id, p.text, tuple(p.positions), tuple(p.topics))
            for p in (self.prompts.prompts if self.prompts is not None else [])
        ]
        owner = {n: c.id for c in contributors for n in c.paragraphs}
        order = sorted(
            range(len(positions)), key=lambda i: (positions[i].paragraph, offsets.get(i, 0), i)
        )
        return Reading(
            id=reading.id,
            title=reading.title,
            series=reading.series,
            publisher=reading.publisher,
            date=reading.date,
            url=reading.url,
            paragraphs=tuple(
                Paragraph(n, text, owner.get(n)) for n, text in enumerate(self.paragraphs)
            ),
            contributors=tuple(sorted(contributors, key=lambda c: c.order)),
            positions=tuple(positions[i] for i in order),
            prompts=tuple(prompts),
            glossary=tuple(GlossaryEntry(t.term, t.means) for t in self.glossary),
        )


def _terms(model: Any, path: Path, raw: object) -> list[Term]:
    """Each glossary term that validates on its own (the others are reported already)."""
    from pydantic import ValidationError

    from bot.knowledge.checks import Term
    from bot.knowledge.describe import shown_key

    if not isinstance(raw, Mapping):
        return []
    terms: list[Term] = []
    for key, value in raw.items():
        try:
            one = model.model_validate({model.terms_key: {key: value}})
        except ValidationError:
            continue
        for term, means in one.glossary.items():
            terms.append(Term(path, f"{model.terms_key} ({shown_key(key)})", term, tuple(means)))
    return terms
