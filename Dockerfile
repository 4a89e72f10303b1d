# One image for every role: `sanchuang init`, `sanchuang worker`, `sanchuang beat`, ...
# Build: docker build -t sanchuang .
FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    SANCHUANG_DATA_DIR=/data

# Only what `pip install .` needs: the project metadata and the four packages
# (templates, migrations and other package data travel inside them).
# README.md* : the readme named in pyproject.toml, copied when present.
# A Chinese TrueType font, embedded (as a subset) in every PDF the system prints.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-wqy-microhei fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /tmp/build
COPY pyproject.toml README.md* ./
COPY workflows ./workflows
COPY models ./models
COPY sanchuang ./sanchuang
COPY workers ./workers
RUN pip install --no-cache-dir . \
    && rm -rf /tmp/build

# A non-root user that owns the data folder (mail files, beat schedule, demo output).
RUN groupadd --system --gid 10001 sanchuang \
    && useradd --system --uid 10001 --gid sanchuang --create-home \
       --home-dir /home/sanchuang --shell /usr/sbin/nologin sanchuang \
    && mkdir -p /data \
    && chown sanchuang:sanchuang /data
USER 10001:10001
WORKDIR /home/sanchuang
VOLUME ["/data"]

ENTRYPOINT ["sanchuang"]
CMD ["status"]
