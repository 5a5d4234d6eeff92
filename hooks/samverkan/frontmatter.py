"""Split a Markdown page into YAML front matter and body, keeping line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml


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
        while path:
            if path in self.lines:
                return self.lines[path]
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
_BOOL_WORDS = frozenset(f"{word}" for base in ("yes", "no", "true", "false", "on", "off") for word in (base, base.capitalize(), base.upper()))
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
    return (_value(node, (), lines) if node is not None else {}), lines


def _value(node, path: tuple, lines: dict):
    """The node as Python data, noting (1-based, counted in the file) the line of every key and item."""
    if isinstance(node, yaml.MappingNode):
        data = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(None, None, "a field name must be plain text", key_node.start_mark)
            key = key_node.value
            lines[path + (key,)] = key_node.start_mark.line + 2
            data[key] = _value(value_node, path + (key,), lines)
        return data
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 2
            items.append(_value(item, path + (index,), lines))
        return items
    if node.tag == _BOOL:
        return yaml.constructor.SafeConstructor.bool_values[node.value.lower()]
    if node.tag == _NULL:
        return None
    return node.value


def split(text: str) -> Source:
    text_lines = text.split("\n")
    if not text_lines or text_lines[0].strip() != "---":
        raise FrontMatterError(1, "the page has no front matter", "start the file with a '---' line, the YAML fields, and another '---' line")
    try:
        end = next(i for i in range(1, len(text_lines)) if text_lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise FrontMatterError(1, "the front matter is never closed", "add a '---' line after the last YAML field") from None
    yaml_text = "\n".join(text_lines[1:end])
    try:
        try:
            data, key_lines = _parse(yaml_text, _FastLoader)
        except yaml.YAMLError:  # parse again for the pure-Python parser's clearer message
            data, key_lines = _parse(yaml_text, _Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        reason = getattr(error, "problem", None) or "invalid YAML"
        raise FrontMatterError(line, f"the front matter is not valid YAML ({reason})", "check indentation, colons and quotes on this line") from None
    if not isinstance(data, dict):
        raise FrontMatterError(2, "the front matter is not a set of 'field: value' lines", "write one 'field: value' per line")
    return Source(data=data, lines=key_lines, body="\n".join(text_lines[end + 1 :]), body_line=end + 2)
