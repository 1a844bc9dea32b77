"""The three web pages of an install: "Add to Slack", installed, and could not install.

Plain HTML with its own small stylesheet (no assets to serve), readable on a phone. Anything that
came from outside (a workspace's name, a URL) is escaped before it meets the page.
"""

from collections.abc import Iterable
from html import escape

# What each bot scope of manifest.yml lets goalbot do, in the words an installer reads.
SCOPE_PURPOSES = {
    "commands": "add the /goals and /checkin commands",
    "chat:write": "post check-in questions, reminders and reports",
    "files:write": "share report charts and the exports you ask for",
    "channels:history": "read replies to its check-ins in public channels it was added to",
    "groups:history": "read replies to its check-ins in private channels it was added to",
    "im:write": "send people their check-in questions privately",
    "im:history": "read the answers people send it privately",
    "users:read": "see people's names and time zones, to ask at the right hour",
    "channels:read": "see who is in the public channels it serves",
    "groups:read": "see who is in the private channels it serves",
    "usergroups:read": "see who is in a user group you choose to check in with",
}

_ORDER = {scope: place for place, scope in enumerate(SCOPE_PURPOSES)}

_STYLE = """
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1c1d;
background:#f4f6f4}
main{max-width:34rem;margin:0 auto;padding:2rem 1.25rem}
h1{font-size:1.6rem;line-height:1.25;margin:0 0 .75rem;color:#2c5f2d}
h1.failed{color:#8f1d1d}
.card{background:#fff;border-radius:12px;padding:1.25rem 1.25rem .5rem;margin:1.25rem 0;
box-shadow:0 1px 3px rgba(0,0,0,.12)}
h2{font-size:1.05rem;margin:0 0 .5rem}
ul{padding-left:1.2rem;margin:.25rem 0 1rem}
li{margin:.3rem 0}
code{background:#eef2ee;border-radius:4px;padding:.05rem .3rem;font-size:.95em}
.button{display:inline-block;background:#4a154b;color:#fff;text-decoration:none;font-weight:600;
padding:.8rem 1.4rem;border-radius:8px;margin:.5rem 0 1rem}
.button:focus,.button:hover{background:#611f69}
.muted{color:#616061;font-size:.9rem}
"""


def install_page(authorize_url: str, scopes: Iterable[str]) -> str:
    # In the order of SCOPE_PURPOSES (what a team notices first), any scope not described last.
    ordered = sorted(scopes, key=lambda scope: (_ORDER.get(scope, len(_ORDER)), scope))
    asked = "".join(
        f"<li>{escape(SCOPE_PURPOSES.get(scope, scope))} <span class=muted>({escape(scope)})</span></li>"
        for scope in ordered
    )
    return _page(
        "Add goalbot to Slack",
        f"""<h1>Add goalbot to your Slack workspace</h1>
<p>goalbot helps a team set SMART goals and reach them: it asks people short check-in questions
on the days you choose, collects their answers, and posts progress reports to the channel.</p>
<p><a class=button id=add-to-slack href="{escape(authorize_url, quote=True)}">Add to Slack</a></p>
<div class=card><h2>What goalbot will ask Slack for</h2><ul>{asked}</ul></div>
<p class=muted>Slack shows these permissions again before anything is installed, and you can
cancel there. goalbot posts nothing in a channel until someone asks for it there.</p>""",
    )


def success_page(team_name: str) -> str:
    team = escape(team_name or "your workspace")
    return _page(
        "goalbot is installed",
        f"""<h1>goalbot is installed in {team}</h1>
<div class=card><h2>What to do next</h2><ul>
<li>In the channel of your team, type <code>/goals help</code> to see how to set a goal.</li>
<li>Type <code>/checkin schedule</code> there to choose the days and time of check-ins.</li>
<li>Invite goalbot to that channel first if it is private: <code>/invite @goalbot</code>.</li>
</ul></div>
<p class=muted>You can close this page and go back to Slack.</p>""",
    )


def failure_page(headline: str, explanation: str, install_path: str) -> str:
    return _page(
        "goalbot was not installed",
        f"""<h1 class=failed>{escape(headline)}</h1>
<p>{escape(explanation)}</p>
<p>Nothing was installed and nothing was stored.</p>
<p><a class=button href="{escape(install_path, quote=True)}">Try again</a></p>""",
    )


def _page(title: str, body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang=en><head><meta charset=utf-8>
<meta name=viewport content="width=device-width, initial-scale=1">
<title>{escape(title)}</title><style>{_STYLE}</style></head>
<body><main>{body}</main></body></html>"""
