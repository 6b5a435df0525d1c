"""The chapter's thread per item: one thread per base, all started at once."""
import time
from threading import Thread

from common import BASES, fetch_rates, present_result


def fetch_and_present(base):
    present_result(*fetch_rates(base))


def main():
    threads = [Thread(target=fetch_and_present, args=(base,)) for base in BASES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    started = time.time()
    main()
    print("time elapsed: {:.2f}s".format(time.time() - started))
