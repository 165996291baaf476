# Uncaught exception with explicit cause and implicit context: both chains printed to stderr.

class ConfigError(Exception):
    pass

def load(cfg):
    try:
        return cfg["port"] + 1
    except KeyError as e:
        raise ConfigError("missing key in %s" % sorted(cfg)) from e

def start(cfg):
    try:
        port = load(cfg)
    except ConfigError:
        print("start failed, cleaning up")
        cleanup = None
        cleanup.close()
    return port

print(load({"port": 80}))
start({"host": "x"})
