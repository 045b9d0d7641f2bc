FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY server ./server
COPY db ./db
COPY views ./views
COPY checklists ./checklists
COPY tsconfig.json ./
EXPOSE 3000
USER node
CMD ["npx", "tsx", "server/main.ts"]
