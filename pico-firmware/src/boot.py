# boot.py - runs at every start before main.py (and before the USB line is up, so it is
# kept short): finish or discard an interrupted update, and put the previous firmware back
# when a new version never answered (commit.py). Its files all start with a dot.
import os

done = "clean"
if any(n[0] == "." for n in os.listdir()):
    import commit
    done = commit.at_boot()
    if done == "rollback":
        import restart
        restart.keep("rollback")  # main.py's start says so
    elif commit.on_trial():
        import machine
        machine.WDT(timeout=8000)  # a new main.py that dies at import is restarted, then undone
