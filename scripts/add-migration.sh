#!/usr/bin/env bash
# Adds one migration, with the same name, for each database provider.
# Usage: scripts/add-migration.sh <MigrationName>
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null
for provider in Sqlite MySql; do
  dotnet dotnet-ef migrations add "$name" \
    --project src/Domain --startup-project src/Domain \
    --context "${provider}CmdbDbContext" \
    --output-dir "Persistence/Migrations/${provider}"
done
