# syntax=docker/dockerfile:1
# The Ilam press-release wire in a container: a small runtime image, a non-root user, the database on
# a volume. Build: `docker build -t ilam-wire .`; run it with compose.yaml (`docker compose up -d`).
# One-off commands use the same image: `docker compose run --rm bot migrate`, `... bot backup /data/x.db`.

# ---- build: the package and its dependencies in a virtual environment ----
# Python 3.13, the newest the project supports: hazm 0.12 there needs neither numpy, scikit-learn nor
# gensim, so the image is smaller and starts faster than on 3.11 (README, Python versions).
FROM python:3.13-slim AS build

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

# A compiler in this stage only, for a dependency that has no wheel for the platform being built.
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

WORKDIR /src
# pyproject.toml names README.md as the package's readme, so the build needs it too.
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY storage ./storage
RUN pip install --no-cache-dir .

# ---- runtime: only the virtual environment on a fresh slim image ----
FROM python:3.13-slim

ENV PATH="/opt/venv/bin:$PATH" \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DATABASE_PATH=/data/bot.db \
    WEBHOOK_LISTEN=0.0.0.0 \
    WEBHOOK_PORT=8443 \
    MPLCONFIGDIR=/tmp/matplotlib

# A dedicated unprivileged user that owns nothing but the data volume.
RUN groupadd --system --gid 10001 wire \
    && useradd --system --uid 10001 --gid wire --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin wire \
    && mkdir /data \
    && chown wire:wire /data

COPY --from=build /opt/venv /opt/venv

WORKDIR /data
USER wire:wire
VOLUME /data

# Webhook mode only (WEBHOOK_URL set): the plain-HTTP webhook server behind a TLS reverse proxy.
EXPOSE 8443

# Database readable and migrated, Bot API answering (and, in webhook mode, the webhook registered).
HEALTHCHECK --interval=60s --timeout=30s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]

# SIGTERM (docker stop) lets the dispatcher finish the messages in flight and closes the database.
STOPSIGNAL SIGTERM
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
