"""Read a text file safely, and split a Markdown page into YAML front matter and body, keeping line numbers.

Every file comes from a pull request or an adopter and may be malformed or hostile: whatever is wrong
with it becomes one FrontMatterError with its line, never an exception from deeper down."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml

from samverkan.content.problems import Problem

MAX_BYTES = 1_000_000  # far above any real page (the longest is about 20 KB)
MAX_DEPTH = 12  # the deepest real front matter nests 3 levels
AS_THE_EXAMPLES = "write the fields as in the examples in docs-dev/authors.md (one per page type)"


class FrontMatterError(ValueError):
    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line = line
        self.message = message
        self.fix = fix


@dataclass
class Source:
    """A page's raw parts. ``lines`` maps a key path such as ``("actors", 0, "actor")``
    to the 1-based line it is written on; ``body_line`` is the body's first line."""

    data: dict
    lines: dict[tuple, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1

    def line_of(self, *path) -> int:
        return line_of(self.lines, path)


def line_of(lines: dict[tuple, int], path: tuple) -> int:
    """The line a key path is written on, or its nearest written parent's (a value given in flow style,
    a list item made by the loader); 1 when nothing of it is written."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return 1


class _Loader(yaml.SafeLoader):
    """Safe loader that reads every scalar except true/false/null as text.

    Versions such as ``1.10`` must not become floats, SFS numbers such as
    ``2018:56`` must not become YAML 1.1 base-60 integers, and dates are
    checked by the schema, so one place decides what a valid value is."""


_KEPT_TAGS = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}
_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag in _KEPT_TAGS]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TEXT = "tag:yaml.org,2002:str"
# every plain scalar YAML 1.1 reads as true/false or null (the patterns of _KEPT_TAGS, written out)
_BOOL_WORDS = frozenset(
    f"{word}"
    for base in ("yes", "no", "true", "false", "on", "off")
    for word in (base, base.capitalize(), base.upper())
)
_NULL_WORDS = frozenset(("", "~", "null", "Null", "NULL"))


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml's parser when it is installed: about 20 times faster.

    Its tag resolution is a set lookup instead of PyYAML's pattern search, which libyaml calls for
    every value."""

    yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers

    def resolve(self, kind, value, implicit):
        if kind is yaml.ScalarNode:
            if implicit[0] and value in _BOOL_WORDS:
                return _BOOL
            if implicit[0] and value in _NULL_WORDS:
                return _NULL
            return _TEXT
        return super().resolve(kind, value, implicit)


def decode(data: bytes) -> str:
    """A file's bytes as text: UTF-8, with a leading byte-order mark dropped."""
    if len(data) > MAX_BYTES:
        raise FrontMatterError(
            1, f"the file is larger than {MAX_BYTES // 1000} KB", "split it into smaller pages"
        )
    if b"\0" in data:
        raise FrontMatterError(
            _line_at(data, data.index(b"\0")),
            "the file contains a NUL byte",
            "save it again as plain UTF-8 text",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FrontMatterError(
            _line_at(data, error.start),
            f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x})",
            "save it as UTF-8 text",
        ) from None
    return text.removeprefix("\ufeff")


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_text_file(path: str | Path, display_path: str) -> tuple[str | None, list[Problem]]:
    """A file's text, or None and the one problem that prevents reading it (named by ``display_path``)."""
    path = Path(path)
    if path.is_symlink():
        return None, [
            Problem(display_path, 1, "the file is a symbolic link", "replace it with the file itself")
        ]
    try:
        return decode(path.read_bytes()), []
    except FrontMatterError as error:
        return None, [Problem(display_path, error.line, error.message, error.fix)]
    except OSError as error:
        return None, [
            Problem(
                display_path,
                1,
                f"the file cannot be read ({error.strerror})",
                "check that it is a readable file",
            )
        ]


# Nesting beyond what libyaml's recursive composer survives crashes the interpreter, so it is refused
# before parsing: by the indentation and "- " / "? " prefixes of a line, and by open brackets.
_NESTING_PREFIX = re.compile(r"^[ \t\-?:]*", re.MULTILINE)


def _too_deep(yaml_text: str) -> int | None:
    """The line (counted in the YAML text, from 1) where nesting goes too deep, or None."""
    depth = 0
    for index, line in enumerate(yaml_text.split("\n"), 1):
        if len(_NESTING_PREFIX.match(line)[0]) > 4 * MAX_DEPTH:
            return index
        for char in line:
            if char in "[{":
                depth += 1
                if depth > MAX_DEPTH:
                    return index
            elif char in "]}":
                depth = max(depth - 1, 0)
    return None


def _parse(yaml_text: str, loader_class) -> tuple[object, dict]:
    """The data and the line of every key and item, from the parser's node tree.

    PyYAML's general constructor costs more than the parse itself; with only text, true/false and
    null to make, one walk over the nodes builds the data and notes the lines together."""
    loader = loader_class(yaml_text)
    try:
        node = loader.get_single_node()
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    return (_value(node, (), lines, set()) if node is not None else {}), lines


class _Refused(Exception):
    """Valid YAML that a page may not hold, at a node."""

    def __init__(self, line: int, message: str, fix: str):
        super().__init__(message)
        self.line, self.message, self.fix = line, message, fix


def _refuse(node, message: str, fix: str, line: int | None = None):
    raise _Refused(line or node.start_mark.line + 2, message, fix)


def _value(node, path: tuple, lines: dict, seen: set):
    """The node as Python data, noting (1-based, counted in the file) the line of every key and item.

    A node met twice was reached through an alias (``*name``): refused, since aliases can expand
    exponentially or refer to themselves, and no page needs them."""
    if id(node) in seen:
        # an alias node is the anchored node itself, whose marks point at the anchor: name the line of
        # the field that holds the alias (for a list item, the list's field)
        holder = path if path and isinstance(path[-1], str) else path[:-1]
        _refuse(
            node,
            "the front matter uses an alias (*name)",
            "write the value out in full; anchors and aliases are not allowed",
            lines.get(holder),
        )
    seen.add(id(node))
    if len(path) > MAX_DEPTH:
        _refuse(
            node,
            f"the front matter nests deeper than {MAX_DEPTH} levels",
            AS_THE_EXAMPLES,
        )
    if isinstance(node, yaml.MappingNode):
        data = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                _refuse(key_node, "a field name must be plain text", "write 'name: value'")
            key = key_node.value
            if key in data:
                _refuse(key_node, f"the field '{key}' is given twice", "keep one of them")
            lines[path + (key,)] = key_node.start_mark.line + 2
            data[key] = _value(value_node, path + (key,), lines, seen)
        return data
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 2
            items.append(_value(item, path + (index,), lines, seen))
        return items
    if node.tag == _BOOL:
        return yaml.constructor.SafeConstructor.bool_values[node.value.lower()]
    if node.tag == _NULL:
        return None
    return node.value


def split(text: str) -> Source:
    text_lines = text.split("\n")
    if not text_lines or text_lines[0].strip() != "---":
        raise FrontMatterError(
            1,
            "the page has no front matter",
            "start the file with a '---' line, the YAML fields, and another '---' line",
        )
    try:
        end = next(i for i in range(1, len(text_lines)) if text_lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise FrontMatterError(
            1, "the front matter is never closed", "add a '---' line after the last YAML field"
        ) from None
    yaml_text = "\n".join(text_lines[1:end])
    deep = _too_deep(yaml_text)
    if deep is not None:
        raise FrontMatterError(
            deep + 1,
            f"the front matter nests deeper than {MAX_DEPTH} levels",
            AS_THE_EXAMPLES,
        )
    try:
        try:
            data, key_lines = _parse(yaml_text, _FastLoader)
        except yaml.YAMLError:  # parse again for the pure-Python parser's clearer message
            data, key_lines = _parse(yaml_text, _Loader)
    except _Refused as refused:
        raise FrontMatterError(refused.line, refused.message, refused.fix) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or "invalid YAML"
        raise FrontMatterError(
            line,
            f"the front matter is not valid YAML ({reason})",
            "check indentation, colons and quotes on this line",
        ) from None
    if not isinstance(data, dict):
        raise FrontMatterError(
            2, "the front matter is not a set of 'field: value' lines", "write one 'field: value' per line"
        )
    return Source(data=data, lines=key_lines, body="\n".join(text_lines[end + 1 :]), body_line=end + 2)


class YamlFile(NamedTuple):
    data: object  # None when the file cannot be read
    lines: dict  # key path -> line in the file
    text: str
    problems: list


def read_yaml_file(root: str | Path, file: str, listing: str | None = None) -> YamlFile:
    """A YAML file's data and the line of every key, read like a page's front matter (all values as text).

    When the file cannot be read the data is None and the one problem says why, at its line. A file
    that is a list is read as a mapping whose one field, named ``listing``, holds the list."""
    text, problems = read_text_file(Path(root) / file, file)
    if text is None:
        return YamlFile(None, {}, "", problems)
    try:
        data, lines = read_yaml(text, listing)
    except FrontMatterError as error:
        return YamlFile(
            None,
            {},
            text,
            [Problem(file, error.line, error.message.replace("front matter", "file"), error.fix)],
        )
    return YamlFile(data, lines, text, problems)


def read_yaml(text: str, listing: str | None = None) -> tuple[dict, dict]:
    """The fields of a YAML text and the line of every key (see ``read_yaml_file``)."""
    head = f"---\n{listing}:\n" if listing else "---\n"
    shift = head.count("\n")
    text = _one_document(text)
    try:
        source = split(head + text + "\n---\n")
    except FrontMatterError as error:
        raise FrontMatterError(max(error.line - shift, 1), error.message, error.fix) from None
    return source.data, {path: line - shift for path, line in source.lines.items()}


def _one_document(text: str) -> str:
    """The text with a leading '---' (start of the document) blanked; any other '---' or '...' line is a fault,
    since the reader would stop there and silently drop the rest."""
    lines = text.split("\n")
    content = [
        index for index, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")
    ]
    for index in content:
        marker = lines[index].strip()
        if marker == "---" and index == content[0] or marker == "..." and index == content[-1]:
            lines[index] = ""
        elif marker in ("---", "..."):
            raise FrontMatterError(
                index + 1,
                f"the file has a '{marker}' line, which would end it there",
                "remove the line; a file holds one set of fields",
            )
    return "\n".join(lines)
