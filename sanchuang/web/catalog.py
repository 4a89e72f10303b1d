"""The English catalog kept complete: every UI text of the templates (``_("…")``), of the
Python modules of the web pages (``N_("…")`` and ``_("…")``) and of the tables the pages
show (menus, role and stage names) must have an English entry in ``locale/en.po``.

``scripts/messages.py`` rewrites the catalog (new texts added untranslated, texts no longer
used dropped) and lists what still needs English; a test fails while anything does."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from sanchuang.accounts import ROLE_NAMES_ZH
from sanchuang.web import menus, titles, views
from workflows import attachments, deadlines, objections, vetting
from workflows.policy import PROGRAMME_NAMES_ZH
from workflows.stages import STAGE_NAMES_ZH

METHODS = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
STABLE = datetime(2026, 1, 1, tzinfo=UTC)  # no date churn in the file on every run
OPTIONS = {"**/templates/**.html": {"extensions": "jinja2.ext.i18n"}}


def web_folder() -> Path:
    return Path(str(resources.files("sanchuang.web")))


def po_path() -> Path:
    return web_folder() / "locale" / "en.po"


Key = tuple[str | None, str]  # (context, Chinese text): a context tells apart one text's uses
KEYWORDS = {"_": None, "N_": None, "gettext": None, "pgettext": ((1, "c"), 2)}


def used_texts() -> set[Key]:
    """Every (context, message id) the pages can show."""
    found: set[Key] = set()
    for _, _, message, _, context in extract_from_dir(
            str(web_folder()), METHODS, keywords=KEYWORDS, options_map=OPTIONS):
        if isinstance(message, str) and message:
            found.add((context or None, message))
    return found | {(None, text) for text in table_texts() if text}


def table_texts() -> set[str]:
    """The names the pages show from the domain's tables (the domain cannot mark them)."""
    found: set[str] = set()
    found |= set(ROLE_NAMES_ZH.values()) | set(STAGE_NAMES_ZH.values())
    found |= set(PROGRAMME_NAMES_ZH.values()) | set(views.KIND_NAMES_ZH.values())
    found |= set(views.STATUS_NAMES_ZH.values()) | set(vetting.OUTCOME_NAMES_ZH.values())
    found |= set(attachments.PURPOSE_NAMES_ZH.values()) | set(attachments.KIND_NAMES_ZH.values())
    found |= {label for rows in menus.MENUS.values() for _, label in rows}
    found |= set(deadlines.ACTOR_NAMES_ZH.values()) | set(objections.OUTCOME_NAMES_ZH.values())
    found |= set(objections.CHANNEL_NAMES_ZH.values())
    found |= {name for names in titles.NAMES.values() for name in names.values()}
    return found


def read_catalog() -> Catalog:
    with po_path().open("rb") as po:
        return read_po(po, locale="en")


def missing() -> list[str]:
    """Texts without an English entry, sorted ("[context] text" where there is one)."""
    catalog = read_catalog()
    gaps = [(context or "", text) for context, text in used_texts()
            if not _english(catalog, context, text)]
    return [f"[{context}] {text}" if context else text for context, text in sorted(gaps)]


def _english(catalog: Catalog, context: str | None, text: str) -> str:
    entry = catalog.get(text, context=context)
    return str(entry.string) if entry and entry.string else ""


def updated() -> bytes:
    """The catalog with every used text (English kept where present) and nothing else."""
    old = read_catalog()
    new = Catalog(locale="en", project="sanchuang", version="1", charset="utf-8",
                  fuzzy=False, creation_date=STABLE, revision_date=STABLE,
                  header_comment="# English texts of the sanchuang web pages "
                                 "(scripts/messages.py keeps this file complete).")
    for context, text in sorted(used_texts(), key=lambda key: (key[0] or "", key[1])):
        new.add(text, _english(old, context, text) or _english(old, None, text),
                context=context)
    out = BytesIO()
    write_po(out, new, width=0, omit_header=False, sort_output=True)
    return out.getvalue()
