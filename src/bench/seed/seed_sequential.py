"""The chapter's starting point: one request after another."""
import time

from common import BASES, fetch_rates, present_result


def main():
    for base in BASES:
        present_result(*fetch_rates(base))


if __name__ == "__main__":
    started = time.time()
    main()
    print("time elapsed: {:.2f}s".format(time.time() - started))
