#!/usr/bin/env bash
# The image check (tests/run.sh runs it; alone: bash tests/docker-images.sh [docker/Dockerfile.X ...]).
#
# There is no container engine on the project's machines (and the base images' registries cannot be reached, so
# Debian's podman or buildah cannot build them either). Instead, for each Dockerfile in docker/ whose build stage runs
# `dotnet`, this lays out in an empty folder exactly what that stage COPYs from the build context (the repository
# root; the files git has, less what the Dockerfile's own .dockerignore excludes), runs the stage's `dotnet` commands
# there with the stage's WORKDIR, and checks that the final stage's ENTRYPOINT assembly is in what it copies out of
# the build stage, with every static web asset its manifest names (the pages' stylesheet, scripts, browser libraries). A file an image forgets (MSB4019 for an imported .targets, CS2001 for a source) fails the check.
# The stage's other RUN lines (apt-get of node and npm) are the image's own tools: this machine has them already.
# Exit status: 0 when every image builds, 1 otherwise. One line per image on stdout: "image NAME: ok|FAILED (why)".
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
work=$(mktemp -d /tmp/agrilink-images.XXXXXX)
trap 'rm -rf "$work"' EXIT

# context_files DOCKERFILE: the build context's files (paths relative to the root), honouring DOCKERFILE.dockerignore
# with Docker's rules: patterns are anchored at the context root, `*` and `?` stay within one path segment, `**` spans
# any number of them, a pattern that matches a folder excludes everything under it, `!` re-includes, the last match wins.
context_files() {
  local ignore="$1.dockerignore"
  [ -f "$ignore" ] || ignore="$root/.dockerignore"
  git -C "$root" ls-files --cached --others --exclude-standard -z |
    IGNORE_FILE="$ignore" perl -0 -ne '
      BEGIN {
        our @rules;
        if (-f $ENV{IGNORE_FILE}) {
          open my $f, "<", $ENV{IGNORE_FILE} or die "$ENV{IGNORE_FILE}: $!";
          while (my $line = <$f>) {
            chomp $line; $line =~ s/^\s+|\s+$//g;
            next if $line eq "" || $line =~ /^#/;
            my $keep = $line =~ s/^!//;
            $line =~ s{^/+}{}; $line =~ s{/+$}{};
            my $re = "";
            while (length $line) {
              if    ($line =~ s{^\*\*/}{}) { $re .= "(?:.*/)?" }
              elsif ($line =~ s{^\*\*}{})  { $re .= ".*" }
              elsif ($line =~ s{^\*}{})    { $re .= "[^/]*" }
              elsif ($line =~ s{^\?}{})    { $re .= "[^/]" }
              elsif ($line =~ s{^(\[[^\]]*\])}{}) { $re .= $1 }
              else  { $line =~ s{^(.)}{}s; $re .= quotemeta $1 }
            }
            push @rules, [qr{^$re(?:/.*)?$}s, $keep];
          }
        }
      }
      chomp; next unless -e $_;
      my $in = 1;
      for my $r (@rules) { $in = $r->[1] if $_ =~ $r->[0] }
      print "$_\n" if $in;'
}

# check_image DOCKERFILE: 0 when its build stage publishes from its own COPYs alone.
check_image() {
  local dockerfile=$1 name
  name=$(basename "$dockerfile")
  local dir="$work/$name" files="$work/$name.files" log="$work/$name.log"
  mkdir -p "$dir/fs"
  context_files "$root/$dockerfile" >"$files"

  # The build stage: from the first FROM up to the next one.
  local stage=() line joined="" in_stage=0
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    if [[ $line =~ \\$ ]]; then joined+="${line%\\} "; continue; fi
    line="$joined$line"; joined=""
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    if [[ ${line^^} =~ ^[[:space:]]*FROM[[:space:]] ]]; then
      [ "$in_stage" -eq 1 ] && break
      in_stage=1; continue
    fi
    [ "$in_stage" -eq 1 ] && stage+=("$line")
  done <"$root/$dockerfile"

  local workdir=/ ran=0 instruction args
  for line in "${stage[@]}"; do
    read -r instruction args <<<"$line"
    case "${instruction^^}" in
      WORKDIR)
        case "$args" in /*) workdir=$args ;; *) workdir="${workdir%/}/$args" ;; esac
        mkdir -p "$dir/fs$workdir" ;;
      COPY|ADD)
        if [[ $args == *--from=* ]]; then continue; fi
        local words=() dest target src matched
        read -r -a words <<<"$args"
        dest=${words[${#words[@]} - 1]}
        unset 'words[${#words[@]}-1]'
        case "$dest" in /*) target="$dir/fs$dest" ;; *) target="$dir/fs${workdir%/}/$dest" ;; esac
        for src in "${words[@]}"; do
          [[ $src == --* ]] && continue
          src=${src#./}; src=${src%/}
          matched=0
          while IFS= read -r file; do
            if [ "$file" = "$src" ]; then
              # A file: into the destination folder when it ends with / (or several sources are copied), else as it.
              if [[ $dest == */ ]] || [ "${#words[@]}" -gt 1 ]; then
                mkdir -p "$target"; cp "$root/$file" "$target/"
              else
                mkdir -p "$(dirname "$target")"; cp "$root/$file" "$target"
              fi
              matched=1
            elif [[ $file == "$src"/* || $src == . ]]; then
              # A folder: its contents into the destination.
              local rel=${file#"$src"/}
              [ "$src" = . ] && rel=$file
              mkdir -p "$(dirname "$target/$rel")"; cp "$root/$file" "$target/$rel"
              matched=1
            fi
          done <"$files"
          if [ "$matched" -eq 0 ]; then
            echo "COPY $src: not in the build context (missing, or excluded by the .dockerignore)" >>"$log"
            echo "image $name: FAILED (COPY $src finds nothing)"; return 1
          fi
        done ;;
      RUN)
        # The stage's dotnet commands; absolute paths in them are inside the laid-out filesystem.
        [[ $args =~ ^dotnet[[:space:]] ]] || continue
        local command
        command=$(sed -E "s#(^|[[:space:]=])/#\1$dir/fs/#g" <<<"$args")
        echo "+ $command" >>"$log"
        if ! (cd "$dir/fs$workdir" && eval "$command") >>"$log" 2>&1; then
          grep -E ' error |error [A-Z]+[0-9]+' "$log" | sed 's/^/    /' | sort -u | head -n 20
          echo "image $name: FAILED ($args: see the errors above)"; return 1
        fi
        ran=1 ;;
    esac
  done
  if [ "$ran" -eq 0 ]; then
    echo "image $name: ok (no dotnet build stage: nothing of the repository to lay out)"; return 0
  fi

  # The final stage's ENTRYPOINT assembly must be in the folder it copies from the build stage.
  local from_dir entry
  from_dir=$(grep -E '^[[:space:]]*COPY[[:space:]]+--from=' "$root/$dockerfile" | head -n 1 | awk '{print $3}')
  entry=$(grep -E '^[[:space:]]*ENTRYPOINT' "$root/$dockerfile" | grep -oE '[A-Za-z0-9_.]+\.dll' | head -n 1)
  if [ -n "$from_dir" ] && [ -n "$entry" ] && [ ! -f "$dir/fs${from_dir%/}/$entry" ]; then
    echo "image $name: FAILED (the ENTRYPOINT's $entry is not in the published $from_dir)"; return 1
  fi
  # A web app serves its pages whole: every file its published static web assets manifest names is in wwwroot, not empty.
  local manifest asset missing=0
  for manifest in "$dir/fs${from_dir%/}"/*.staticwebassets.endpoints.json; do
    [ -f "$manifest" ] || continue
    while IFS= read -r asset; do
      if [ ! -s "$dir/fs${from_dir%/}/wwwroot/$asset" ]; then
        echo "    $(basename "$manifest") names wwwroot/$asset, which the published app lacks or has empty"; missing=1
      fi
    done < <(grep -o '"AssetFile":"[^"]*"' "$manifest" | sed 's/^"AssetFile":"//; s/"$//' | sort -u)
  done
  if [ "$missing" -ne 0 ]; then
    echo "image $name: FAILED (static web assets missing from the published $from_dir)"; return 1
  fi
  echo "image $name: ok (published from its COPYs alone)"
}

dockerfiles=("$@")
if [ ${#dockerfiles[@]} -eq 0 ]; then
  for f in docker/Dockerfile*; do
    case "$f" in *.dockerignore) continue ;; esac
    dockerfiles+=("$f")
  done
fi
status=0
for dockerfile in "${dockerfiles[@]}"; do
  check_image "$dockerfile" || status=1
done
exit "$status"
