"""``python -m matcher``: the same as the ``matcher`` command."""

from matcher.cli import main

if __name__ == "__main__":
    main()
