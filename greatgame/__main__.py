"""Allow ``python -m greatgame``."""

from greatgame.cli.main import main

if __name__ == "__main__":
    main()
