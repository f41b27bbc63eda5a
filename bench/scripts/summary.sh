# Sourced by the A/B scripts: summary SCALE FORMAT VALUE... prints the median, least and largest of the values times
# SCALE, and their count, through FORMAT (printf, in that order; a format may leave the count out).
#   summary 1 "median %.2fx (min %.2fx, max %.2fx, n=%d)" 1.02 0.98 1.10
summary() {
  local scale=$1 format=$2; shift 2
  printf "%s\n" "$@" | sort -g | awk -v s="$scale" -v f="$format" \
    '{ v[NR] = $1 * s } END { printf f, (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR], NR }'
}
