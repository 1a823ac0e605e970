# A home-made timer speaking just enough protocol 2.0 for PicoTrack, in POSIX sh.
# Usage: sh fake-timer.sh PROTOCOL_VERSION
# Answers every wait_race at once with the same race.
protocol="$1"
while IFS= read -r line; do
  id=$(printf '%s\n' "$line" | sed -n 's/.*"id":\([0-9-]*\).*/\1/p')
  case "$line" in
    *'"cmd":"info"'*)
      printf '{"id":%s,"ok":{"protocol":"%s","firmware":"home-made 1","lane_count":2,"topics":["gate"]}}\n' "$id" "$protocol" ;;
    *'"cmd":"reset"'*)
      printf '{"id":%s,"ok":{}}\n' "$id" ;;
    *'"cmd":"subscribe"'*)
      printf '{"id":%s,"ok":{"sub":%s,"topics":[]}}\n' "$id" "$id" ;;
    *'"cmd":"state"'*)
      printf '{"id":%s,"ok":null}\n' "$id" ;;
    *'"cmd":"wait_race"'*)
      printf '{"id":%s,"ok":{"race_id":"home-race-1","lanes":"12","times_ms":{"1":2500,"2":2600}}}\n' "$id" ;;
    *)
      printf '{"id":%s,"err":"unknown command","code":"not_supported"}\n' "$id" ;;
  esac
done
