"""Shared by the seed scripts: the classic chapter's fetch and print, against FXMATRIX_API_URL.

These re-create the Python scripts fxmatrix grew from (thread per item, a pool of workers with
queues, sequential), so the benchmark compares like with like. They use `requests`, as the
chapter does.
"""
import os

import requests

API_URL = os.environ.get("FXMATRIX_API_URL", "http://127.0.0.1:8080/v1")
DATE = os.environ.get("FXMATRIX_DATE", "latest")
BASES = os.environ.get("FXMATRIX_BASES", "USD,EUR,PLN,NOK,CZK").split(",")


def fetch_rates(base):
    symbols = ",".join(s for s in BASES if s != base)
    response = requests.get(f"{API_URL}/{DATE}?base={base}&symbols={symbols}")
    response.raise_for_status()
    # Rates over 5000 arrive as JSON integers, and f"{16855:7.03}" is an error in Python: the
    # seed's scripts would stop there, so this copy makes them floats.
    rates = {symbol: float(rate) for symbol, rate in response.json()["rates"].items()}
    rates[base] = 1.0
    return base, rates


def present_result(base, rates):
    rates_line = ", ".join([f"{rates[symbol]:7.03} {symbol}" for symbol in BASES])
    print(f"1 {base} = {rates_line}")
