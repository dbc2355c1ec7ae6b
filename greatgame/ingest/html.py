"""HTML pages: metadata from the head (before any cleaning) and the main text.

The main text comes from trafilatura; when it finds nothing, a careful lxml walk over the
visible blocks is used instead. Scripts, styles and templates are never run and never kept.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

logger = logging.getLogger(__name__)

BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "td", "th", "dl", "dt", "dd",
    "figure", "figcaption", "address", "br", "hr", "body", "form", "fieldset", "details", "summary",
}  # fmt: skip
DROP_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed",
             "form", "button", "input", "select", "textarea", "nav", "footer", "aside", "head"]  # fmt: skip
_CHROME_CLASS = re.compile(
    r"cookie|consent|banner|comment|share|social|newsletter|sidebar|menu|breadcrumb|related|advert|promo|"
    r"subscribe|popup|modal|footer|navbar|\bnav\b|widget|tags\b|pagination",
    re.I,
)
_DATE_META = ("article:published_time", "og:published_time", "og:article:published_time", "datepublished",
              "date", "pubdate", "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
              "dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime")  # fmt: skip
_AUTHOR_META = ("author", "article:author", "og:article:author", "dc.creator", "sailthru.author",
                "parsely-author", "byl")  # fmt: skip
_SECTION_GENRES = {"opinion": "op_ed", "op-ed": "op_ed", "op-eds": "op_ed", "column": "op_ed", "columns": "op_ed",
                   "commentary": "commentary", "editorial": "commentary", "press releases": "press_release",
                   "press release": "press_release", "statements": "statement"}  # fmt: skip
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||–|—|-|::|•|·)\s+")


@dataclass
class HtmlPage:
    """What an HTML page says about itself, and its main text as lines."""

    h1: str | None = None
    og_title: str | None = None
    page_title: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    author: str | None = None
    publisher: str | None = None
    genre_hint: str | None = None
    body_lines: list[str] = field(default_factory=list)
    page_lines: list[str] = field(default_factory=list)
    too_deep: bool = False  # the page nests elements deeper than the parser follows

    def title(self) -> str | None:
        """The headline: the <h1>, else og:title, else <title> without its site-name suffix."""
        for candidate in (self.h1, self.og_title):
            if candidate and candidate != self.site_name:
                return candidate
        return strip_site_suffix(self.page_title, self.site_name) if self.page_title else None


def strip_site_suffix(title: str, site: str | None) -> str:
    """``"Headline | Site name"`` -> ``"Headline"`` (also with ``-``, ``–``, ``::``)."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    if site and parts[-1].casefold() == site.casefold():
        return " - ".join(parts[:-1]) if len(parts) > 2 else parts[0]
    if site and parts[0].casefold() == site.casefold():
        return parts[-1]
    return max(parts, key=len) if "|" in title else title


def parse_html(content: str) -> HtmlPage:
    """Read the metadata and the main text of an HTML page."""
    page = HtmlPage()
    tree = _parse(content, page)
    if tree is None:
        return page
    _read_head(tree, page)
    _read_json_ld(tree, page)
    page.h1 = _h1(tree, page.site_name)
    if page.published is None:
        page.published = _time_element(tree)
    if page.author is None:
        page.author = _byline(tree)
    if page.site_name is None:
        page.site_name = _site_from_title(page.page_title, page.h1 or page.og_title) or _logo(tree)
    page.page_lines = list(fallback_lines(tree, keep_chrome_classes=True))
    page.body_lines = _main_text(content) or list(fallback_lines(tree))
    return page


def _parse(content: str, page: HtmlPage) -> Any:
    """The lxml tree; libxml2 stops at 256 levels of nesting (text deeper is lost, ``page.too_deep``)."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(content.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        logger.warning("could not parse HTML: %s", exc)
        return None
    page.too_deep = any("Excessive depth" in e.message for e in parser.error_log)
    return tree


def _text(el: Any) -> str:
    return " ".join(el.text_content().split())


def _meta(tree: Any) -> Iterator[tuple[str, str]]:
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value:
            yield key, value


def _read_head(tree: Any, page: HtmlPage) -> None:
    titles = tree.xpath("//title")
    page.page_title = _text(titles[0]) if titles else None
    for key, value in _meta(tree):
        if key == "og:title" and not page.og_title:
            page.og_title = value
        elif key in ("og:site_name", "application-name") and not page.site_name:
            page.site_name = value
        elif key in _DATE_META and not page.published:
            page.published = iso_date(value)
        elif key in _AUTHOR_META and not page.author and not value.startswith("http"):
            page.author = value
        elif key == "article:section" and value.lower() in _SECTION_GENRES:
            page.genre_hint = _SECTION_GENRES[value.lower()]
    for el in tree.xpath("//*[@itemprop='datePublished']"):
        page.published = page.published or iso_date(el.get("content") or el.get("datetime") or _text(el))


def iso_date(value: str) -> dt.date | None:
    """The date at the start of an ISO 8601 string, or None."""
    m = _ISO.search(value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        logger.info("ignoring impossible date %r in page metadata", value)
        return None


def _read_json_ld(tree: Any, page: HtmlPage) -> None:
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):  # malformed, absurdly nested, or a 5000-digit number
            logger.debug("skipping unreadable JSON-LD block")
            continue
        for obj in _walk_json(data):
            _take_json_ld(obj, page)


def _walk_json(data: Any) -> Iterator[dict]:
    if isinstance(data, dict):
        yield data
        for value in data.values():
            if isinstance(value, (list, dict)):
                yield from _walk_json(value)
    elif isinstance(data, list):
        for item in data:
            yield from _walk_json(item)


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        names = [n for n in map(_name, value) if n]
        return " and ".join(names) if names else None
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _take_json_ld(obj: dict, page: HtmlPage) -> None:
    if "datePublished" in obj and not page.published:
        page.published = iso_date(str(obj["datePublished"]))
    if "author" in obj and not page.author:
        page.author = _name(obj["author"])
    if "publisher" in obj and not page.publisher:
        page.publisher = _name(obj["publisher"])
    if "headline" in obj and not page.og_title:
        page.og_title = _name(obj["headline"])
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "OpinionNewsArticle" in kinds:
        page.genre_hint = "op_ed"
    elif "AnalysisNewsArticle" in kinds and not page.genre_hint:
        page.genre_hint = "commentary"


def _h1(tree: Any, site_name: str | None) -> str | None:
    for path in ("//article//h1", "//main//h1", "//h1"):
        for el in tree.xpath(path):
            text = _text(el)
            if text and text != site_name and not el.xpath("ancestor::a"):
                return text
    return None


def _site_from_title(title: str | None, headline: str | None) -> str | None:
    """The site name when the <title> is the headline plus a short suffix."""
    if not title or not headline or not title.startswith(headline):
        return None
    rest = _TITLE_SEPARATORS.split(" " + title[len(headline) :].strip())
    suffix = rest[-1].strip() if len(rest) > 1 else ""
    return suffix if suffix and len(suffix.split()) <= 6 else None


def _logo(tree: Any) -> str | None:
    query = "//*[contains(@class,'logo') or contains(@class,'masthead') or contains(@class,'brand') or contains(@class,'site-name')]"
    for el in tree.xpath(query):
        text = _text(el) or next((img.get("alt", "").strip() for img in el.iter("img") if img.get("alt")), "")
        if text and len(text.split()) <= 6:
            return text
    return None


def _time_element(tree: Any) -> dt.date | None:
    for el in tree.xpath("//article//time[@datetime] | //time[@datetime]"):
        date = iso_date(el.get("datetime"))
        if date:
            return date
    return None


def _byline(tree: Any) -> str | None:
    query = ("//*[@rel='author'] | //*[@itemprop='author'] | "
             "//*[contains(@class,'byline') or contains(@class,'author')]")  # fmt: skip
    for el in tree.xpath(query):
        text = re.sub(r"^\s*by\s+", "", _text(el), flags=re.I).strip()
        if text and len(text.split()) <= 6:
            return text
    return None


def _main_text(content: str) -> list[str]:
    try:
        text = trafilatura.extract(
            content, output_format="txt", include_comments=False, include_tables=True,
            include_images=False, include_links=False,
        )  # fmt: skip
    except (ValueError, TypeError, etree.LxmlError) as exc:
        logger.warning("trafilatura failed (%s); using the plain lxml extraction", exc)
        return []
    return [ln.strip() for ln in (text or "").splitlines() if ln.strip()]


def fallback_lines(tree: Any, keep_chrome_classes: bool = False) -> Iterator[str]:
    """The visible text of a page, one line per block, without scripts, styles or forms."""
    tree = lxml.html.document_fromstring(lxml.html.tostring(tree))
    etree.strip_elements(tree, *DROP_TAGS, with_tail=False)
    if not keep_chrome_classes:
        for el in tree.xpath("//*[@class or @id]"):
            marks = f"{el.get('class', '')} {el.get('id', '')}"
            if _CHROME_CLASS.search(marks) and el.getparent() is not None:
                el.drop_tree()
    roots = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
    root = max(roots, key=lambda el: len(el.text_content()))
    yield from _block_lines(root)


def _block_lines(el: Any) -> Iterator[str]:
    buffer: list[str] = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):
            buffer.append(child.tail or "")
            continue
        if child.tag in BLOCK_TAGS:
            line = " ".join("".join(buffer).split())
            if line:
                yield line
            buffer = []
            yield from _block_lines(child)
        else:
            buffer.append(child.text_content())
        buffer.append(child.tail or "")
    line = " ".join("".join(buffer).split())
    if line:
        yield line
