"""Well-known by-names of public figures ("the Little Giant" for Stephen A. Douglas, "Old
Hickory" for Andrew Jackson): general knowledge, not any reading's. Ingest drafts them into a
contributor's aliases when the contributor's name is the figure's, so that members who call a
speaker by a name the text never uses are understood; a moderator may edit them like any
alias."""

from __future__ import annotations

from bot.nicknames import nicknames

# given name and surname (middle names and initials left out) -> by-names
_EPITHETS: dict[tuple[str, str], tuple[str, ...]] = {
    ("abraham", "lincoln"): ("Honest Abe", "Old Abe", "the Rail Splitter", "the Railsplitter",
                             "the Great Emancipator"),
    ("stephen", "douglas"): ("the Little Giant", "Little Giant"),
    ("andrew", "jackson"): ("Old Hickory",),
    ("henry", "clay"): ("the Great Compromiser", "Harry of the West"),
    ("daniel", "webster"): ("Black Dan", "the Great Expounder"),
    ("zachary", "taylor"): ("Old Rough and Ready",),
    ("winfield", "scott"): ("Old Fuss and Feathers",),
    ("james", "buchanan"): ("Old Buck",),
    ("thomas", "benton"): ("Old Bullion",),
    ("martin", "buren"): ("the Little Magician", "Old Kinderhook"),
    ("william", "harrison"): ("Old Tippecanoe",),
    ("ulysses", "grant"): ("Unconditional Surrender Grant",),
    ("theodore", "roosevelt"): ("TR", "Teddy", "the Rough Rider"),
    ("franklin", "roosevelt"): ("FDR",),
    ("dwight", "eisenhower"): ("Ike",),
    ("john", "kennedy"): ("JFK",),
    ("lyndon", "johnson"): ("LBJ",),
    ("ronald", "reagan"): ("the Gipper", "the Great Communicator"),
    ("martin", "king"): ("MLK",),
    ("margaret", "thatcher"): ("the Iron Lady",),
    ("winston", "churchill"): ("the British Bulldog",),
}


def epithets(name: str) -> tuple[str, ...]:
    """The by-names of the figure a contributor's name names, if any ("Stephen A. Douglas"
    -> "the Little Giant"); a surname alone ("Lincoln", as the Freeport transcript calls him)
    names the one figure of that surname here, and none if there are several; its by-names
    that hold a short form of the figure's given name ("Honest Abe") are left to the engine,
    which reads a given name alone as the contributor named by surname only, and says so."""
    parts = [p.strip(".,").casefold() for p in name.split()]
    parts = [p for p in parts if len(p) > 1]  # initials ("A.") left out
    if len(parts) >= 2:
        return _EPITHETS.get((parts[0], parts[-1]), ())
    if len(parts) == 1:
        found = [(given, by) for (given, surname), by in _EPITHETS.items()
                 if surname == parts[0]]
        if len(found) != 1:
            return ()
        given, by = found[0]
        short = nicknames(given)
        return tuple(e for e in by if not short & {w.casefold() for w in e.split()})
    return ()
