#!/usr/bin/env bash
# Records new public members in each library's PublicAPI.Unshipped.txt (review the diff before committing).
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/*/*.csproj; do
  dotnet format analyzers "$project" --diagnostics RS0016 --severity error
  file="$(dirname "$project")/PublicAPI.Unshipped.txt"
  { head -n 1 "$file"; tail -n +2 "$file" | LC_ALL=C sort -u; } > "$file.tmp" && mv "$file.tmp" "$file"
done
