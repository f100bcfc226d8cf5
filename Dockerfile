# Keyframe: Next's standalone server on the current Node LTS, with ffmpeg, as a non-root user.
# docker build -t keyframe . && docker run -p 3000:3000 -v keyframe-data:/data keyframe
# With PostgreSQL and S3-compatible storage: see compose.yaml and the README ("Run it for a team").

FROM node:24-slim AS deps
WORKDIR /src
COPY package.json package-lock.json ./
# The lockfile is written on Linux x64; `npm install` (not `npm ci`) tolerates optional packages of other platforms.
RUN npm install --no-audit --no-fund

FROM node:24-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /src/node_modules ./node_modules
COPY . .
RUN npm run build

FROM node:24-slim AS run
RUN apt-get update \
  && apt-get install -y --no-install-recommends ffmpeg ca-certificates \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
RUN groupadd --system keyframe && useradd --system --gid keyframe --home /app keyframe \
  && mkdir -p /data && chown keyframe:keyframe /data
# The standalone folder is complete after `npm run build` (scripts/standalone.mjs): server, static files,
# migrations, and server.js = Keyframe's start command with its SIGTERM drain.
COPY --from=build --chown=keyframe:keyframe /src/.next/standalone ./
USER keyframe
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Exec form: SIGTERM reaches node itself, which drains (stops claiming, finishes submits on the wire,
# hands its leases back, lets requests finish) and exits. Give it time: docker stop -t 30.
STOPSIGNAL SIGTERM
CMD ["node", "server.js"]
