# Object-oriented simulation: accounts, transactions, exceptions for business rules,
# properties, class-level counters, __repr__/__eq__, sorting objects, and a deterministic LCG.

class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("account %s cannot pay %d (balance %d)" % (account.number, amount, account.balance))
        self.amount = amount

class Account:
    _next = 1000
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.number = Account._next
        Account._next += 1
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("dep", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance -= amount
        self.history.append(("wd", amount))
    def __repr__(self):
        return "Account(%d, %s, %d)" % (self.number, self.owner, self._balance)

class Savings(Account):
    rate = 0.02
    def add_interest(self):
        interest = int(self._balance * self.rate)
        self.deposit(interest) if interest > 0 else None
        return interest
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "wd"]) >= 3:
            raise PermissionError("savings withdrawal limit reached")
        super().withdraw(amount)

class Bank:
    def __init__(self):
        self.accounts = {}
        self.failures = []
    def open(self, cls, owner, initial):
        acc = cls(owner, initial)
        self.accounts[acc.number] = acc
        return acc
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except (InsufficientFunds, PermissionError) as e:
            self.failures.append(str(e))
            return False
        self.accounts[dst].deposit(amount)
        return True

bank = Bank()
names = ["ann", "bob", "cy", "dee", "eve"]
for i, n in enumerate(names):
    bank.open(Savings if i % 2 else Account, n, 100 * (i + 1))
seed = 7
ok = 0
nums = sorted(bank.accounts)
for step in range(60):
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    src = nums[seed % 5]
    dst = nums[(seed >> 8) % 5]
    amount = (seed >> 16) % 150 + 1
    if src != dst:
        ok += bank.transfer(src, dst, amount)
    if step % 20 == 19:
        print("interest", [a.add_interest() for a in bank.accounts.values() if isinstance(a, Savings)])
print("successful transfers", ok, "failures", len(bank.failures))
print(bank.failures[:3])
print(sorted(bank.accounts.values(), key=lambda a: (-a.balance, a.number)))
print(sum(a.balance for a in bank.accounts.values()))
try:
    bank.accounts[nums[0]].deposit(-5)
except ValueError as e:
    print("ValueError:", e)
try:
    bank.accounts[nums[0]].balance = 5
except AttributeError as e:
    print("AttributeError:", e)
