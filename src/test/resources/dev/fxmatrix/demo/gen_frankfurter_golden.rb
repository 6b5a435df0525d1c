# frozen_string_literal: true

# Writes frankfurter-v1-golden.txt: what Frankfurter v1 answers over the bundled ECB history, computed
# by Ruby itself, so that FrankfurterV1GoldenTest can check the embedded API byte for byte without
# Ruby on the machine that runs the tests.
#
#   apt-get install -y ruby ruby-oj        # Debian 12: Ruby 3.1.2, Oj 3.14.2, money 6.16 (ruby-money)
#   unzip -p src/main/resources/dev/fxmatrix/demo/eurofxref-hist.zip \
#     | ruby src/test/resources/dev/fxmatrix/demo/gen_frankfurter_golden.rb \
#     > src/test/resources/dev/fxmatrix/demo/frankfurter-v1-golden.txt
#
# A model of Frankfurter's v1 handler, written from its source (github.com/lineofflight/frankfurter):
# lib/versions/v1.rb (routes), lib/versions/v1/query.rb (parameters), lib/versions/v1/quote/base.rb,
# end_of_day.rb and interval.rb (the rate pipeline), lib/versions/v1/roundable.rb (the bands),
# lib/rate.rb (date lookups), lib/app.rb (the JSON 404). Only the Ruby runtime's own behaviour is
# borrowed as is: Float(), format, Float#round, String#to_f, Date.parse, Hash#sort and Oj's JSON.
#
# Where the model simplifies, on purpose: a day's rates are the ECB's publication of the last day
# with data at most 14 days back (Frankfurter carries each currency forward on its own; the ECB
# publishes all of them together, so the two differ only for a currency that stopped being quoted in
# the 14 days before the date asked for); "today" is the newest day in the file.

require "date"
require "digest"
require "oj"
require "uri"
require "money"

CSV_DAYS = [] # [[Date, {"USD" => 1.1684, ...}], ...] newest first, as in the file
header = nil
$stdin.each_line do |line|
  fields = line.chomp.split(",")
  if header.nil?
    header = fields
    next
  end
  next if fields.empty?

  rates = {}
  fields.drop(1).each_with_index do |text, i|
    rates[header[i + 1]] = Float(text) unless text.nil? || text.strip.empty? || text == "N/A"
  end
  CSV_DAYS << [Date.parse(fields[0]), rates.sort.to_h] # rows come sorted by quote
end
TODAY = CSV_DAYS.first[0]
ASCENDING = CSV_DAYS.reverse
LOOKBACK = 14

# lib/versions/v1/roundable.rb
def round(value)
  if value > 5000
    value.round
  elsif value > 80
    Float(format("%<value>.2f", value:))
  elsif value > 20
    Float(format("%<value>.3f", value:))
  elsif value > 1
    Float(format("%<value>.4f", value:))
  elsif value > 0.0001
    Float(format("%<value>.5f", value:))
  else
    Float(format("%<value>.6f", value:))
  end
end

# Rack 3's query parsing (split at "&" and the blanks after it; the last of a repeated name wins).
def parse_query(query)
  params = {}
  return params if query.nil? || query.empty?

  query.split(/& */).each do |pair|
    next if pair.empty?

    name, value = pair.split("=", 2).map { |s| URI.decode_www_form_component(s) }
    params[name] = value
  end
  params
end

# lib/versions/v1/query.rb: amount, base, date, symbols, in this order, then the pair.
def build_query(params, dates)
  amount = nil
  if params["amount"]
    amount = params["amount"].to_f
    raise ArgumentError, "invalid amount" unless amount.positive?
  end
  base = [params["from"], params["base"]].compact.first&.upcase
  date = dates.size == 1 ? Date.parse(dates[0]) : (Date.parse(dates[0])..Date.parse(dates[1]))
  symbols = [params["to"], params["symbols"]].compact.first&.upcase&.split(",")
  raise ArgumentError, "bad currency pair" if [base] == symbols

  [{ amount:, base:, symbols: }.compact, date]
end

# lib/versions/v1/quote/base.rb, over rows [[date, quote, rate], ...] sorted by date and quote.
def perform(rows, amount: 1.0, base: "EUR", symbols: nil)
  rows = rows.select { |_, quote, _| (symbols + [base]).include?(quote) } if symbols
  should_round = amount != 1.0 || base != "EUR"
  result = {}
  rows.each do |date, quote, rate|
    result[date.to_s] ||= {}
    value = amount * rate
    result[date.to_s][quote] = should_round ? round(value) : value
  end
  if base != "EUR"
    result.each do |date, rates|
      rates["EUR"] = amount if symbols.nil? || symbols.include?("EUR")
      divisor = rates.delete(base)
      if divisor.nil? || rates.empty?
        result.delete(date)
      else
        result[date] = rates.sort.map! { |quote, rate| [quote, round(amount * rate / divisor)] }.to_h
      end
    end
  end
  result
end

def day_rows(day)
  day[1].map { |quote, rate| [day[0], quote, rate] }
end

def last_on_or_before(date)
  after = ASCENDING.bsearch_index { |d, _| d > date } || ASCENDING.size
  after.zero? ? nil : ASCENDING[after - 1]
end

# A single date: the last publication at most 14 days back.
def end_of_day_rows(date)
  day = last_on_or_before(date)
  day && (date - day[0]) <= LOOKBACK ? day_rows(day) : []
end

# lib/rate.rb#between: from the last publication on or before the start, to the end.
def interval_rows(first, last)
  return [] if first > TODAY

  nearest = last_on_or_before(first)&.first || first
  ASCENDING.select { |d, _| d >= nearest && d <= last }.flat_map { |day| day_rows(day) }
end

V1_JSON = "application/json; charset=utf-8"

def json(object)
  Oj.dump(object, mode: :compat)
end

def v1_error(status, message)
  [status, V1_JSON, json({ message: })]
end

# lib/versions/v1.rb; [status, content type, body] for a path below /v1 and a raw query.
def answer(path, query)
  params = parse_query(query)
  case path
  when %r{\A/(?:latest|current)\z}
    end_of_day(params, TODAY)
  when %r{\A/(\d{4}-\d{2}-\d{2})\z}
    end_of_day(params, Regexp.last_match(1))
  when %r{\A/(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})?\z}
    interval(params, Regexp.last_match(1), Regexp.last_match(2) || TODAY.to_s)
  when "/currencies"
    names = CSV_DAYS.first[1].keys.append("EUR").sort.to_h { |code| [code, Money::Currency.find(code).name] }
    [200, V1_JSON, json(names)]
  else
    [404, "application/json", json({ status: 404, message: "not found" })] # lib/app.rb
  end
rescue ArgumentError, FloatDomainError, Date::Error => e
  v1_error(422, e.message)
end

def end_of_day(params, date)
  query, date = build_query(params, [date.to_s])
  result = perform(end_of_day_rows(date), **query)
  return v1_error(404, "not found") if result.empty?

  amount = query.fetch(:amount, 1.0)
  [200, V1_JSON, json({ amount:, base: query.fetch(:base, "EUR"), date: result.keys.first, rates: result.values.first })]
end

def interval(params, first, last)
  query, range = build_query(params, [first, last])
  result = perform(interval_rows(range.begin, range.end), **query)
  return v1_error(404, "not found") if result.empty?

  amount = query.fetch(:amount, 1.0)
  [200, V1_JSON,
   json({ amount:, base: query.fetch(:base, "EUR"), start_date: result.keys.first, end_date: result.keys.last,
          rates: result, })]
end

def line(*fields)
  puts fields.join(" ")
end

def hex(double)
  [double].pack("G").unpack1("H*")
end

puts "# Frankfurter v1 over the bundled ECB history, as Ruby #{RUBY_VERSION} and Oj #{Oj::VERSION} compute it."
puts "# Written by gen_frankfurter_golden.rb (see there); do not edit by hand."
puts "# fixed HEX N TEXT: format(\"%.Nf\", the double with bits HEX)"
puts "# round HEX INTEGER: Float#round; oj HEX TEXT: Oj.dump(double, mode: :compat)"
puts "# to_f QUOTED TEXT: String#to_f of the JSON-quoted string, as Oj writes the Float"
puts "# answer STATUS TYPE PATH BODY: Frankfurter's answer to GET /v1PATH (TYPE: v1 or app JSON)"
puts "# digest YEAR AMOUNT SHA256: over \"PATH BODY\\n\" for every base on the days of YEAR (amount 1: all; 100 and"
puts "#   0.37: every fourth day, newest first from the first and from the third), bases in code order, oldest day first"

# Ruby's format on its own, near ties and far from them.
srand(20_260_413)
cells = CSV_DAYS.flat_map { |_, rates| rates.values }.uniq
fixed_cases = [2.675, 189.045, 0.395225, 1.005, 0.125, 0.47637499999999994, 5000.5, 80.005, 20.0005, 1.00005, 0.000105]
2000.times do
  a = cells.sample
  b = cells.sample
  fixed_cases << [a / b, a * rand(1..1000) / b, (rand(1..99_999) * 10 + 5).to_f / 10**rand(2..7)].sample
end
fixed_cases.each do |x|
  [0, 2, 3, 4, 5, 6].each { |n| line("fixed", hex(x), n, format("%.#{n}f", x)) if rand < 0.34 || x == 2.675 }
end
[5000.5, 5001.5, 2.5e15 + 0.5, 1.7e20, 12_345.49999999].each { |x| line("round", hex(x), x.round) }
[0.000077, 7.7e-05, 0.0001, 0.00012, 11_744.0, 1.0, 1e15, 1e16, 2.0**63, 2.0**63 - 1024, 1e20, 1.5e-7, 0.1 + 0.2,
 123_456.789, 1e22, 1e23, 5e-324].each { |x| line("oj", hex(x), json(x)) }
["1", "10", "0.5", ".5", "5.", "1e3", "1E3", "+3", "10abc", "1_000", "1__000", "_1", "1_", "0x1A", "1e", "1e+",
 "1e+2x", "Infinity", "1e400", "1e-400", "1.5e1_0", "1_0.5", "1._5", "0010", " 2", "2 ", "\t3", "- 1", "1,5",
 "0.000000000000000000000000000000001e33",].each { |s| line("to_f", Oj.dump(s), s.to_f.finite? ? json(s.to_f) : s.to_f.to_s) }

# Whole answers: the issue's cases, errors, parameters, time series.
requests = [
  "/2026-02-18?base=USD&symbols=INR", "/latest", "/current?base=USD", "/2026-04-13?base=USD",
  "/latest?symbols=EUR", "/latest?from=EUR&to=EUR", "/latest?base=USD&symbols=USD", "/latest?base=USD&symbols=USD,USD",
  "/2019-4-9", "/2010-31-01", "/2026-02-30", "/1999-01-01", "/1999-01-04?base=GBP", "/2026-04-27?symbols=USD",
  "/2026-04-28", "/latest?base=XXX", "/latest?base=BGN", "/latest?symbols=XXX,YYY", "/latest?symbols=USD,XXX,BGN",
  "/latest?amount=0", "/latest?amount=abc", "/latest?amount=-1", "/latest?amount=", "/latest?amount",
  "/latest?amount=1e999", "/latest?base=USD&amount=1e-10", "/latest?amount=10abc&base=GBP", "/latest?amount=1_000",
  "/latest?amount=1&amount=2", "/latest?symbols=USD,%20GBP", "/latest?base=%20USD", "/latest?base=",
  "/latest?symbols=", "/latest?symbols=USD,", "/latest?symbols=,USD", "/latest?from=usd&to=eur,pln,Jpy",
  "/latest?base=GBP&from=USD&symbols=JPY&to=EUR", "/latest?base=usd;symbols=EUR", "/latest?foo=bar&symbols=USD",
  "/latest?date=1999-01-04&symbols=USD", "/latest?base=USD&symbols=EUR&amount=10", "/2005-06-15?base=GBP&symbols=USD,ROL,RON",
  "/2007-01-03?base=SIT&amount=3", "/2006-12-29?symbols=SIT&amount=7", "/2004-12-31?base=TRL", "/2000-06-01?base=TRL&amount=1e-3",
  "/2026-04-13?base=IDR", "/2026-04-13?amount=3&symbols=IDR,KRW,JPY", "/2026-04-13?base=USD&amount=1e20",
  "/2026-04-13?base=JPY&amount=1234567.89", "/2022-03-01?base=RUB", "/2022-02-28?base=RUB&amount=100",
  "/2024-01-01..2024-01-05", "/2024-01-01..2024-01-05?base=USD&symbols=EUR,GBP,INR", "/2024-01-01..2024-01-05?amount=10&symbols=USD",
  "/2026-04-01..?base=GBP&symbols=USD,INR", "/2026-04-13..", "/2026-04-14..", "/2000-01-01..2000-01-01",
  "/1998-12-25..1999-01-05?symbols=USD", "/2024-01-05..2024-01-01", "/2024-01-01..2024-1-5", "/2024-02-30..2024-03-01",
  "/2020-03-01..2020-03-10?base=XXX", "/currencies", "/nowhere", "/latest/", "/2024-01-01/",
]
# Every currency as a base on a few days across the history, with and without an amount.
days = CSV_DAYS.values_at(0, 37, 400, 1500, 2500, 3500, 4500, 5500, 6500, -1)
days.each_with_index do |(date, rates), i|
  ["EUR", *rates.keys].each_with_index do |base, j|
    next unless (i + j) % 3 == 0

    requests << "/#{date}?base=#{base}"
    requests << "/#{date}?base=#{base}&amount=#{%w[3 0.37 250 1e6 0.001][(i + j) % 5]}" if j.even?
  end
end
requests.each do |request|
  path, query = request.split("?", 2)
  status, type, body = answer(path, query)
  line("answer", status, type == V1_JSON ? "v1" : "app", request, body)
end

# Every cell of every day: one digest a year and amount; bases in code order, days oldest first.
CSV_DAYS.group_by { |date, _| date.year }.sort.each do |year, year_days|
  # Amount 1 on every day; two others on every fourth day each (newest first: days 0, 4, ... and 2, 6, ...).
  { "1" => year_days, "100" => year_days.each_slice(4).map(&:first),
    "0.37" => year_days.drop(2).each_slice(4).map(&:first), }.each do |amount, sample|
    sha = Digest::SHA256.new
    sample.reverse_each do |date, rates|
      ["EUR", *rates.keys].sort.each do |base|
        request = "/#{date}?base=#{base}#{amount == "1" ? "" : "&amount=#{amount}"}"
        path, query = request.split("?", 2)
        sha << "#{request} #{answer(path, query)[2]}\n"
      end
    end
    line("digest", year, amount, sha.hexdigest)
  end
end
