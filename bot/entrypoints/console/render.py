"""Block Kit, as posted to Slack, → readable lines plus the numbered choices a person can press.

Pure functions: no I/O, no state. Choice numbers start at `first` so several outputs of one
turn can share one numbering.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from bot.entrypoints.console.mrkdwn import plain
from bot.entrypoints.console.rich_text import rich_text_lines

RULE = "-" * 40
# Elements a person presses; the console turns each option of a menu into its own choice.
_MENUS = ("static_select", "overflow", "radio_buttons")


@dataclass(frozen=True)
class Line:
    text: str
    style: str = ""  # "" | "bold" | "dim"


@dataclass(frozen=True)
class Choice:
    label: str
    element: Mapping  # the button or menu element as posted
    block_id: str | None
    option: Mapping | None = None  # the picked option of a menu


@dataclass
class Rendered:
    lines: list[Line] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


class _Renderer:
    def __init__(self, first: int, users: Mapping[str, str], channels: Mapping[str, str]) -> None:
        self.out = Rendered()
        self.first = first
        self.users, self.channels = users, channels

    def plain(self, text_object) -> str:
        return plain(text_object, users=self.users, channels=self.channels)

    def add(self, text: str, style: str = "") -> None:
        self.out.lines.extend(Line(part, style) for part in text.split("\n"))

    def choose(self, label: str, element: Mapping, block_id: str | None, option=None) -> str:
        self.out.choices.append(Choice(label, element, block_id, option))
        return f"[{self.first + len(self.out.choices) - 1}] {label}"

    def element(self, element: Mapping, block_id: str | None) -> list[str]:
        """Bracketed pieces for one interactive element or image."""
        kind = element.get("type")
        if kind == "button":
            return [self.choose(self.plain(element.get("text")), element, block_id)]
        if kind == "image":
            return [f"[image: {element.get('alt_text', '')}]"]
        if kind in _MENUS:
            # A select's placeholder names the menu ("Status: On track"); an overflow has none.
            name = self.plain(element.get("placeholder"))
            pieces = []
            for option in menu_options(element):
                label = self.plain(option.get("text"))
                pieces.append(self.choose(f"{name}: {label}" if name else label, element, block_id, option))
            return pieces
        return [f"[{kind} - not available in the console]"]

    def block(self, block: Mapping) -> None:
        kind, block_id = block.get("type"), block.get("block_id")
        if kind == "header":
            title = self.plain(block.get("text"))
            self.add(title, "bold")
            self.add("=" * len(title), "bold")
        elif kind == "section":
            if block.get("text"):
                self.add(self.plain(block["text"]))
            for item in block.get("fields") or ():
                self.add(field_text(self.plain(item), item))
            if block.get("accessory"):
                self.add("  ".join(self.element(block["accessory"], block_id)))
        elif kind == "context":
            parts = [
                f"[image: {e.get('alt_text', '')}]" if e.get("type") == "image" else self.plain(e)
                for e in block.get("elements") or ()
            ]
            # Indented (and dimmed on a terminal): the small print under a section.
            self.add("  " + "  ".join(parts).replace("\n", "\n  "), "dim")
        elif kind == "divider":
            self.add(RULE, "dim")
        elif kind == "actions":
            pieces = [p for e in block.get("elements") or () for p in self.element(e, block_id)]
            self.add("  ".join(pieces))
        elif kind == "image":
            self.add(f"[image: {block.get('alt_text', '')}]")
        elif kind == "rich_text":
            for text in rich_text_lines(block, users=self.users, channels=self.channels):
                self.add(text)
        elif kind == "input":
            self.add(f"{self.plain(block.get('label'))}: [input]")
        elif kind == "video":
            self.add(f"[video: {self.plain(block.get('title'))}]")
        else:
            self.add(f"[{kind} block]", "dim")


def menu_options(element: Mapping) -> list[Mapping]:
    options = list(element.get("options") or ())
    for group in element.get("option_groups") or ():
        options.extend(group.get("options") or ())
    return options


def field_text(text: str, original: Mapping) -> str:
    """A field written "*Due*\\n2027-03-31" reads best as "Due: 2027-03-31"."""
    first, _, rest = text.partition("\n")
    raw_first = str(original.get("text", "")).partition("\n")[0].strip()
    if rest and raw_first.startswith("*") and raw_first.endswith("*"):
        return f"{first}: {rest.replace(chr(10), ' ')}"
    return text.replace("\n", " ")


def render_blocks(
    blocks: Iterable[Mapping],
    *,
    first: int = 1,
    users: Mapping[str, str] | None = None,
    channels: Mapping[str, str] | None = None,
    skip_inputs: bool = False,
) -> Rendered:
    renderer = _Renderer(first, users or {}, channels or {})
    for block in blocks:
        if not (skip_inputs and block.get("type") == "input"):
            renderer.block(block)
    return renderer.out


def render_message(
    message: Mapping,
    *,
    first: int = 1,
    users: Mapping[str, str] | None = None,
    channels: Mapping[str, str] | None = None,
) -> Rendered:
    """A message body (text, blocks, attachments); text is the fallback when there are no blocks."""

    def text_lines(text: str, prefix: str = "") -> list[Line]:
        return [Line(prefix + t) for t in plain(text, users=users, channels=channels).split("\n")]

    blocks: Sequence[Mapping] = message.get("blocks") or ()
    if blocks:
        out = render_blocks(blocks, first=first, users=users, channels=channels)
    else:
        out = Rendered(text_lines(message.get("text") or ""))
    for attachment in message.get("attachments") or ():
        if attachment.get("blocks"):
            more = render_blocks(
                attachment["blocks"], first=first + len(out.choices), users=users, channels=channels
            )
        else:
            more = Rendered(text_lines(attachment.get("text") or attachment.get("fallback") or "", "| "))
        out.lines.extend(more.lines)
        out.choices.extend(more.choices)
    return out


def render_view(
    view: Mapping,
    *,
    first: int = 1,
    users: Mapping[str, str] | None = None,
    channels: Mapping[str, str] | None = None,
) -> Rendered:
    """A modal or Home tab; a modal's input blocks are left to the form walker."""
    is_modal = view.get("type") == "modal"
    out = render_blocks(
        view.get("blocks") or (), first=first, users=users, channels=channels, skip_inputs=is_modal
    )
    if is_modal and view.get("title"):
        title = plain(view["title"])
        out.lines[:0] = [Line(title, "bold"), Line("=" * len(title), "bold")]
    return out


def ambiguity(number: int, choices: list[Choice]) -> str | None:
    """Why a bare `2` is unclear when button [2] is labelled "1" (a confidence scale): what to type."""
    label = choices[number - 1].label.strip()
    if not label.isdigit() or label == str(number):
        return None
    same = [n for n, choice in enumerate(choices, 1) if choice.label.strip() == str(number)]
    other = f"; the button labelled {number} is [{same[0]}]: click {same[0]}" if same else ""
    return f"Button [{number}] is labelled {label}. To press it, type click {number}{other}."
