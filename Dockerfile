# The production image: gunicorn serving the portal, static files through whitenoise.

# The NHS design system comes from npm (package-lock.json); only its dist folder reaches the image.
FROM node:20-bookworm-slim AS frontend
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 DJANGO_SETTINGS_MODULE=portal.settings.production
WORKDIR /app
RUN useradd --system --create-home --uid 1000 portal
COPY requirements.txt ./
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
COPY --from=frontend /app/node_modules/nhsuk-frontend/dist /app/node_modules/nhsuk-frontend/dist
COPY --from=frontend /app/node_modules/nhsuk-frontend/package.json /app/node_modules/nhsuk-frontend/package.json
RUN SECRET_KEY=build-only-not-secret-build-only-not-secret-build-only python manage.py collectstatic --noinput
USER portal
EXPOSE 8000
# Requests are logged by the portal itself (portal/request_log.py: JSON lines with request ids).
CMD ["gunicorn", "portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "30"]
