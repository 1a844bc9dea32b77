"""Settings from the environment. A bad value stops the program with one line that names it."""

from zoneinfo import ZoneInfo

from pydantic import ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.domain.zones import canonical_zone

SLACK_API_DEFAULT = "https://slack.com/api/"
SLACK_AUTHORIZE_DEFAULT = "https://slack.com/oauth/v2/authorize"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
# Messages a second to one workspace. Slack answers 429 well before 100 a second, and below one
# message every ten seconds a minute's tick could not send a handful: either end is a typo.
SEND_RATES = (0.1, 100.0)
# Days a removed workspace's data is kept (a reinstall finds it again); ten years is surely a typo.
RETENTION_DAYS = (0, 3650)


class SettingsError(Exception):
    """One human line naming the setting that is missing or malformed."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(case_sensitive=False, extra="ignore")

    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_base_url: str = SLACK_API_DEFAULT
    database_url: str = "sqlite:///goalbot.db"
    port: int = 3000
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    send_rate_per_workspace: float = 20.0
    uninstall_retention_days: int = 30

    # --- Many workspaces (issue 13): OAuth install. A client id means "distributed mode", where
    # tokens come from installations; SLACK_BOT_TOKEN means one workspace. Never both.
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_authorize_url: str = SLACK_AUTHORIZE_DEFAULT
    slack_redirect_uri: str | None = None

    @field_validator("slack_authorize_url", "slack_redirect_uri")
    @classmethod
    def _oauth_url_shape(cls, value: str | None) -> str | None:
        if value and not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL")
        return value

    @property
    def distributed(self) -> bool:
        """Installed by "Add to Slack" into any number of workspaces (a client id is set)."""
        return bool(self.slack_client_id)

    def check_slack_mode(self) -> None:
        """Stop when both modes are configured: which token would speak for a workspace is unclear."""
        if self.slack_bot_token and self.slack_client_id:
            raise SettingsError(
                "SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set; set SLACK_BOT_TOKEN for one "
                "workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to install in many, not both."
            )

    # --- end of many workspaces

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token_shape(cls, value: str | None) -> str | None:
        if value and not value.startswith("xoxb-"):
            raise ValueError("must be a bot token starting with xoxb-")
        return value

    @field_validator("slack_app_token")
    @classmethod
    def _app_token_shape(cls, value: str | None) -> str | None:
        if value and not value.startswith("xapp-"):
            raise ValueError("must be an app-level token starting with xapp-")
        return value

    @field_validator("slack_api_base_url")
    @classmethod
    def _base_url_shape(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be an http(s) URL such as https://slack.com/api/")
        # WebClient joins method names onto it, so it must end with a slash.
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _database_url_shape(cls, value: str) -> str:
        try:
            make_url(value)
        except ArgumentError:
            raise ValueError("must be a SQLAlchemy URL such as sqlite:///goalbot.db") from None
        return value

    @field_validator("port")
    @classmethod
    def _port_range(cls, value: int) -> int:
        if not 0 <= value <= 65535:
            raise ValueError("must be a port number from 0 to 65535")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        canonical = canonical_zone(value)  # any case: europe/berlin is Europe/Berlin
        if canonical is None:
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as Europe/London")
        return canonical

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        level = value.strip().upper()
        if level not in LOG_LEVELS:
            raise ValueError(f"must be one of {', '.join(LOG_LEVELS)}, not {value!r}")
        return level

    @field_validator("send_rate_per_workspace")
    @classmethod
    def _send_rate_range(cls, value: float) -> float:
        low, high = SEND_RATES
        if not low <= value <= high:  # NaN fails too
            raise ValueError(f"must be messages a second from {low:g} to {high:g}, not {value:g}")
        return value

    @field_validator("uninstall_retention_days")
    @classmethod
    def _retention_range(cls, value: int) -> int:
        low, high = RETENTION_DAYS
        if not low <= value <= high:
            raise ValueError(f"must be days from {low} (delete at once) to {high}, not {value}")
        return value

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.default_timezone)

    def require(self, *names: str) -> None:
        """Stop unless each named setting is present; the CLI calls this per verb."""
        self.check_slack_mode()  # every verb that needs Slack requires something first
        for name in names:
            if not getattr(self, name):
                raise SettingsError(f"{name.upper()} is not set; export it (see README.md) and try again.")


def load_settings(**overrides) -> Settings:
    try:
        return Settings(**overrides)
    except ValidationError as error:
        first = error.errors()[0]
        name = str(first["loc"][0]).upper() if first["loc"] else "a setting"
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "int_parsing":
            message = "must be a whole number"
        if first["type"] == "float_parsing":
            message = "must be a number, such as 20 or 2.5"
        raise SettingsError(f"{name} {message}.") from None
