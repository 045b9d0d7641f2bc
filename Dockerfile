# Build stage: compile the TypeScript once (npm run build → dist/).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY server ./server
COPY db ./db
RUN npm run build

# Runtime: production dependencies, the compiled server, views and checklists.
# PDF reports need the Noto CJK fonts.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY views ./views
COPY checklists ./checklists
EXPOSE 3000
USER node
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
