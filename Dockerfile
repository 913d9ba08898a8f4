# The harness in a container, for CI jobs that gate a Central System:
#   docker build -t ocpp-conformance .
#   docker run --rm -v "$PWD:/work" ocpp-conformance run --sut my-csms.json     # reports in ./reports
# Not built on the development machine (it has no Docker): kept minimal and conventional.

# Compile the TypeScript (the dev dependencies hold the compiler).
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

# Run: the runtime dependencies and the compiled package only.
FROM node:20-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY features ./features
COPY fixtures/sut ./fixtures/sut
COPY cucumber.cjs allurerc.mjs ./
WORKDIR /work
ENTRYPOINT ["node", "/app/bin/ocpp-conformance.js"]
CMD ["--help"]
