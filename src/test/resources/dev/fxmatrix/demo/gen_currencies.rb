# frozen_string_literal: true

# Writes src/main/resources/dev/fxmatrix/demo/currencies.tsv: ISO code, numeric code, English name and
# symbol of every currency in the bundled ECB file, from the Ruby money gem (Frankfurter's source of
# names, lib/versions/v1/currency_names.rb and lib/currency.rb).
#
#   apt-get install -y ruby ruby-money        # Debian 12: money 6.16
#   unzip -p src/main/resources/dev/fxmatrix/demo/eurofxref-hist.zip | head -1 \
#     | ruby src/test/resources/dev/fxmatrix/demo/gen_currencies.rb > src/main/resources/dev/fxmatrix/demo/currencies.tsv
require "money"

codes = ($stdin.readline.chomp.split(",").drop(1) + ["EUR"]).reject(&:empty?).sort
puts "# code\tnumeric\tname\tsymbol (Ruby money gem #{Gem.loaded_specs["money"]&.version || "6.16"}; written by gen_currencies.rb)"
codes.each do |code|
  currency = Money::Currency.find(code)
  puts [code, currency&.iso_numeric || "", currency&.name || code, currency&.symbol || ""].join("\t")
end
