# sys.exit() / sys.exit(None) / SystemExit caught and re-raised: exit code 0.
import sys

try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit code", e.code, e.args)
try:
    raise SystemExit("text", 2)
except SystemExit as e:
    print("caught SystemExit code", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught SystemExit code", e.code)
print("now exiting with None")
sys.exit(None)
