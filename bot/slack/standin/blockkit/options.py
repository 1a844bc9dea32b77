"""Option objects as selects, overflow menus, checkboxes and radio buttons use them."""

from bot.slack.standin.blockkit.problems import Problems


def check_options(p: Problems, element: dict, pointer: str, limit: str, *, plain: bool = True) -> list[dict]:
    """Checks `options` (or `option_groups`, for static selects) and returns every option offered."""
    if "option_groups" not in element:
        return _option_list(p, element, pointer, limit, plain=plain)
    if "options" in element:
        p.add(pointer, "provide only one of options and option_groups")
    offered: list[dict] = []
    for index, group in enumerate(p.array(element, "option_groups", pointer, "select_option_groups")):
        where = f"{pointer}/option_groups/{index}"
        if not isinstance(group, dict):
            p.add(where, "option group must be an object")
            continue
        p.text(group, "label", where, "option_group_label", plain=True, required=True)
        offered += _option_list(p, group, where, "select_options", plain=True)
    return offered


def check_initial(p: Problems, element: dict, pointer: str, offered: list[dict]) -> None:
    """initial_option / initial_options must each be one of the options offered."""
    chosen: list[tuple[str, object]] = []
    if "initial_option" in element:
        chosen.append((f"{pointer}/initial_option", element["initial_option"]))
    initial_options = element.get("initial_options")
    if isinstance(initial_options, list):
        chosen += [(f"{pointer}/initial_options/{i}", o) for i, o in enumerate(initial_options)]
    elif initial_options is not None:
        p.add(f"{pointer}/initial_options", "initial_options must be an array")
    keys = {_key(option) for option in offered}
    for where, option in chosen:
        if not isinstance(option, dict) or _key(option) not in keys:
            p.add(where, "must exactly match one of the options (text and value)")


def check_option(p: Problems, option: object, pointer: str, *, plain: bool = True) -> None:
    if not isinstance(option, dict):
        p.add(pointer, "option must be an object")
        return
    p.text(option, "text", pointer, "option_text", plain=plain, required=True)
    p.string(option, "value", pointer, "option_value", required=True)
    p.text(option, "description", pointer, "option_description", plain=plain)
    p.string(option, "url", pointer, "option_url")


def _option_list(p: Problems, obj: dict, pointer: str, limit: str, *, plain: bool) -> list[dict]:
    options = p.array(obj, "options", pointer, limit, required=True, minimum=1)
    for index, option in enumerate(options):
        check_option(p, option, f"{pointer}/options/{index}", plain=plain)
    return [option for option in options if isinstance(option, dict)]


def _key(option: dict) -> tuple:
    text = option.get("text")
    text = text if isinstance(text, dict) else {}
    return (option.get("value"), text.get("type"), text.get("text"))
