using System.Globalization;
using System.Text;

// Writes the bundled sample exports (samples/data) from a fixed seed, so the files are reproducible:
//   transactions.csv  customer_id,order_date,amount  (a Pareto/NBD-like purchase process, returns, a few bad rows)
//   customers.csv     customer attributes: account manager, region, industry, interactions, complaints, satisfaction, potential
//   managers.csv      the 25 account managers: capacities, industries and regions they know, seniority
// Usage: dotnet run --project samples/SampleData [-- <output folder>]
var folder = args.Length > 0 ? args[0] : Path.Combine("samples", "data");
Directory.CreateDirectory(folder);
var random = new Random(20251231);
var start = new DateOnly(2023, 1, 1);
var asOf = new DateOnly(2025, 12, 31);
var days = asOf.DayNumber - start.DayNumber;
const int Customers = 5000;

var transactions = new StringBuilder("customer_id,order_date,amount\n");
var customers = new StringBuilder("customer_id,account_manager,region,industry,interactions,complaints,satisfaction,potential\n");
string[] regions = ["North", "South", "East", "West", "Central"];
string[] industries = ["Retail", "Manufacturing", "Healthcare", "Finance", "Education", "Logistics", "Hospitality"];
var rows = 0;
var bad = 0;
for (var c = 1; c <= Customers; c++)
{
    var id = "C-" + c.ToString("D5", CultureInfo.InvariantCulture);

    // Heterogeneous buyers: purchase rate ~ Gamma(0.6, 1/18) per day, lifetime ~ exponential with a heterogeneous mean,
    // spend per order ~ lognormal around a customer-level mean: a long tail of a few heavy buyers.
    var rate = Gamma(random, 0.6) / 18.0;
    var lifetime = -Math.Log(1 - random.NextDouble()) * (200 + (random.NextDouble() * 900));
    var meanSpend = Math.Exp(3.3 + (random.NextDouble() * 1.6));
    var first = random.Next(days);
    var day = (double)first;
    var orders = 0;
    while (day <= days && day - first <= lifetime)
    {
        var amount = Math.Round(meanSpend * Math.Exp(0.5 * Normal(random)), 2);
        var date = start.AddDays((int)day);
        transactions.Append(CultureInfo.InvariantCulture, $"{id},{date:yyyy-MM-dd},{amount:F2}\n");
        rows++;
        orders++;
        if (random.NextDouble() < 0.03)
        {
            // A partial return a few days later (a negative amount the summaries net as a return).
            var back = date.AddDays(3 + random.Next(20));
            if (back <= asOf)
            {
                transactions.Append(CultureInfo.InvariantCulture, $"{id},{back:yyyy-MM-dd},{-Math.Round(amount * 0.5, 2):F2}\n");
                rows++;
            }
        }

        day += -Math.Log(1 - random.NextDouble()) / Math.Max(rate, 1e-4);
    }

    var manager = "AM-" + (1 + random.Next(25)).ToString("D2", CultureInfo.InvariantCulture);
    var complaints = random.NextDouble() < 0.15 ? 1 + random.Next(4) : 0;
    var satisfaction = Math.Clamp(Math.Round(7.5 + (1.6 * Normal(random)) - complaints), 0, 10);
    var potential = Math.Round(random.NextDouble() * 100);
    customers.Append(CultureInfo.InvariantCulture,
        $"{id},{manager},{regions[random.Next(regions.Length)]},{industries[random.Next(industries.Length)]},{orders + random.Next(8)},{complaints},{satisfaction},{potential}\n");

    // A few bad rows on purpose, so the rejects file and the lenient mode have something to show.
    if (c % 1000 == 500)
    {
        transactions.Append(CultureInfo.InvariantCulture, $"{id},2025-13-45,19.99\n");
        transactions.Append(CultureInfo.InvariantCulture, $"{id},2025-03-01,twelve\n");
        transactions.Append(CultureInfo.InvariantCulture, $",2025-03-02,5.00\n");
        transactions.Append(CultureInfo.InvariantCulture, $"\"{id},2025-03-03,7.50\n");
        bad += 4;
    }
}

// The managers draw from their own seed, so adding them left transactions.csv and customers.csv byte for byte the same.
const int Managers = 25;
var managerRandom = new Random(20260106);
var managers = new StringBuilder("manager_id,max_customers,max_workload,industries,regions,seniority\n");
for (var m = 1; m <= Managers; m++)
{
    var maxCustomers = 125 + managerRandom.Next(46);
    var maxWorkload = Math.Round(maxCustomers * (1.45 + (managerRandom.NextDouble() * 0.3)));
    string[] knownIndustries = [.. industries];
    managerRandom.Shuffle(knownIndustries);
    string[] knownRegions = [.. regions];
    managerRandom.Shuffle(knownRegions);
    managers.Append(CultureInfo.InvariantCulture,
        $"AM-{m:D2},{maxCustomers},{maxWorkload},{string.Join(';', knownIndustries[..(2 + managerRandom.Next(2))])},{string.Join(';', knownRegions[..(1 + managerRandom.Next(2))])},{1 + managerRandom.Next(3)}\n");
}

File.WriteAllText(Path.Combine(folder, "transactions.csv"), transactions.ToString());
File.WriteAllText(Path.Combine(folder, "customers.csv"), customers.ToString());
File.WriteAllText(Path.Combine(folder, "managers.csv"), managers.ToString());
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows + bad} transaction rows ({bad} bad on purpose), {Customers} customers and {Managers} managers to {folder}."));

static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

// Marsaglia-Tsang for shape >= 1, boosted for shape < 1.
static double Gamma(Random random, double shape)
{
    if (shape < 1)
    {
        return Gamma(random, shape + 1) * Math.Pow(random.NextDouble(), 1 / shape);
    }

    var d = shape - (1.0 / 3);
    var c = 1 / Math.Sqrt(9 * d);
    while (true)
    {
        var x = Normal(random);
        var v = Math.Pow(1 + (c * x), 3);
        if (v > 0 && Math.Log(1 - random.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
        {
            return d * v;
        }
    }
}
