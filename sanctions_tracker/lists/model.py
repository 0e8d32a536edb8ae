"""The typed model of an official sanctions list: a snapshot of entries.

Field names follow FollowTheMoney properties where one exists (``programs`` for
``Sanction:program``, ``listing_date`` for ``Sanction:listingDate``, ``nationalities`` for
``Person:nationality``, ``birth_dates`` for ``Person:birthDate``, ``addresses`` for
``Thing:address``, ``notes`` for ``Thing:notes``), so that the FtM export maps field to
property without interpretation. Every value read from a file keeps its raw text next to what was
made of it: a date of unknown day stays a year, never a guessed 1 January.

Records are frozen, except the four a reader makes by the hundred thousand (:class:`Entry`,
:class:`Name`, :class:`Identifier`, :class:`Address`): a frozen slotted attrs class sets each
field through ``object.__setattr__`` (1.27 us for an Entry, 0.18 us unfrozen), and those calls
were an eighth of the time of reading every reference list. They are slotted, compared and
hashed by value like the others, and no code of this package changes one once made; treat them
as read-only (``attrs.evolve`` makes a changed copy). The records shared between entries through
caches (:class:`DateValue`, :class:`Country`) stay frozen, since changing one would change every
entry that holds it.
"""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from sanctions_tracker.findings import Finding

__all__ = [
    "Address",
    "Country",
    "DateSource",
    "DateValue",
    "Entry",
    "IdScheme",
    "Identifier",
    "Name",
    "NameKind",
    "Precision",
    "Snapshot",
    "SourceFile",
    "SubjectType",
]


class SubjectType(str, enum.Enum):
    """What a listed subject is; FtM schema: Vessel, Organization, Person, Airplane."""

    VESSEL = "vessel"
    ENTITY = "entity"
    INDIVIDUAL = "individual"
    AIRCRAFT = "aircraft"


class NameKind(str, enum.Enum):
    """How a name relates to the subject: FtM ``name``, ``alias``, ``previousName``."""

    PRIMARY = "primary"
    AKA = "aka"
    FKA = "fka"
    NKA = "nka"


class IdScheme(str, enum.Enum):
    """The kind of an identifier; the two IMO schemes have different check digits."""

    SHIP_IMO = "ship-imo"
    COMPANY_IMO = "company-imo"
    MMSI = "mmsi"
    CALL_SIGN = "call-sign"
    PASSPORT = "passport"
    NATIONAL_ID = "national-id"
    OTHER = "other"


class Precision(str, enum.Enum):
    """How much of a date the source states; ``unknown`` when the text could not be read."""

    EXACT = "exact"
    MONTH = "month"
    YEAR = "year"
    CIRCA = "circa"
    RANGE = "range"
    UNKNOWN = "unknown"


class DateSource(str, enum.Enum):
    """Where a snapshot's date comes from."""

    FILE = "file"
    FILE_NAME = "file-name"
    GIVEN = "given"
    NONE = "none"


@attrs.frozen
class DateValue:
    """A date as the source states it: raw text, precision, and ISO prefix(es), never guessed.

    ``start`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as far as the text goes (for ``circa``,
    the approximate value); ``end`` is the last value of a ``range``. Both are None when the text
    could not be read (precision ``unknown``).
    """

    raw: str
    precision: Precision
    start: str | None = None
    end: str | None = None


@attrs.define(unsafe_hash=True)  # made per row: not frozen (module docstring)
class Name:
    """One name of a subject; ``quality`` as the list grades it (good, low, weak), ``script``."""

    text: str
    kind: NameKind = NameKind.PRIMARY
    quality: str | None = None
    script: str | None = None


@attrs.define(unsafe_hash=True)  # made per row: not frozen (module docstring)
class Identifier:
    """An identifier with its scheme, the normalised value and the raw text it was read from.

    ``valid`` is whether a check digit passes (IMO), None where the scheme has none.
    """

    scheme: IdScheme
    value: str
    raw: str
    country: str | None = None
    valid: bool | None = None


@attrs.frozen
class Country:
    """A country as written (``raw``) and its ISO code when it resolves (countrynames)."""

    raw: str
    code: str | None


@attrs.define(unsafe_hash=True)  # made per row: not frozen (module docstring)
class Address:
    """A postal address as one line (FtM ``Address:full``) and its country."""

    full: str
    country: Country | None = None


@attrs.define(unsafe_hash=True)  # made per row: not frozen (module docstring)
class Entry:
    """One listed subject, under the list's own stable key.

    ``id`` is OFAC's ent_num, the UN reference number, the UK group id, the EU annex and record
    id, or the FtM entity id; ``line`` is where the entry starts in its file (for findings; not
    compared by :func:`~sanctions_tracker.lists.diff`).
    """

    id: str
    subject: SubjectType
    names: tuple[Name, ...]
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    listing_date: DateValue | None = None
    nationalities: tuple[Country, ...] = ()
    birth_dates: tuple[DateValue, ...] = ()
    addresses: tuple[Address, ...] = ()
    notes: tuple[str, ...] = ()
    line: int | None = attrs.field(default=None, eq=False)

    @property
    def caption(self) -> str:
        """The primary name (the first name when none is marked primary)."""
        for name in self.names:
            if name.kind is NameKind.PRIMARY:
                return name.text
        return self.names[0].text if self.names else self.id


@attrs.frozen
class SourceFile:
    """A file a snapshot was read from, with its SHA-256, so a snapshot names its exact bytes."""

    name: str
    sha256: str


@attrs.frozen
class Snapshot:
    """One version of one official list, as read from its file(s).

    ``read`` counts entries made, ``skipped`` records that could not be (each with a finding);
    ``deleted`` lists the ids a delta file removes (FtM ``DEL`` operations). ``delta`` says the
    file holds changes, not a whole list (it cannot be compared as a snapshot); ``datasets``
    are the FtM datasets its entities name and ``scope`` those every one of them names (the
    dataset a single-source export is of), which tell two exports of one list from two lists.
    """

    authority: str
    list_name: str
    format: str
    snapshot_date: dt.date | None
    date_source: DateSource
    sources: tuple[SourceFile, ...]
    entries: tuple[Entry, ...]
    findings: tuple[Finding, ...] = ()
    read: int = 0
    skipped: int = 0
    deleted: tuple[str, ...] = ()
    delta: bool = False
    datasets: tuple[str, ...] = ()
    scope: tuple[str, ...] = ()

    @property
    def source_file(self) -> str:
        """The primary file (companion files of an OFAC set follow it in ``sources``)."""
        return self.sources[0].name

    @property
    def sha256(self) -> str:
        """The SHA-256 of the primary file."""
        return self.sources[0].sha256
