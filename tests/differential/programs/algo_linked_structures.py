# Linked list, binary search tree, trie and LRU cache implemented with classes (attribute-heavy).

class LNode:
    __slots__ = ("val", "next")
    def __init__(self, val, nxt=None):
        self.val, self.next = val, nxt
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        for it in reversed(list(items)):
            self.head = LNode(it, self.head)
    def __iter__(self):
        n = self.head
        while n is not None:
            yield n.val
            n = n.next
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove_if(self, pred):
        dummy = LNode(None, self.head)
        p = dummy
        while p.next:
            if pred(p.next.val):
                p.next = p.next.next
            else:
                p = p.next
        self.head = dummy.next
ll = LinkedList(range(10))
ll.reverse()
ll.remove_if(lambda v: v % 3 == 0)
print(list(ll))

class BST:
    def __init__(self):
        self.root = None
    def insert(self, k):
        node = [k, None, None]
        if self.root is None:
            self.root = node
            return
        cur = self.root
        while True:
            i = 1 if k < cur[0] else 2
            if cur[i] is None:
                cur[i] = node
                return
            cur = cur[i]
    def inorder(self, n="root"):
        if n == "root":
            n = self.root
        if n is None:
            return []
        return self.inorder(n[1]) + [n[0]] + self.inorder(n[2])
    def height(self, n="root"):
        if n == "root":
            n = self.root
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
t = BST()
for v in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(v)
print(t.inorder(), t.height())

class Trie:
    def __init__(self):
        self.root = {}
    def add(self, w):
        n = self.root
        for ch in w:
            n = n.setdefault(ch, {})
        n["$"] = True
    def starts(self, prefix):
        n = self.root
        for ch in prefix:
            if ch not in n:
                return []
            n = n[ch]
        out = []
        def walk(node, acc):
            for k in sorted(node):
                if k == "$":
                    out.append(prefix + acc)
                else:
                    walk(node[k], acc + k)
        walk(n, "")
        return out
tr = Trie()
for w in "car cart carbon cat dog dot do".split():
    tr.add(w)
print(tr.starts("car"), tr.starts("do"), tr.starts("x"))

class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.d = {}
    def get(self, k):
        if k not in self.d:
            return None
        v = self.d.pop(k)
        self.d[k] = v
        return v
    def put(self, k, v):
        self.d.pop(k, None)
        self.d[k] = v
        if len(self.d) > self.cap:
            del self.d[next(iter(self.d))]
c = LRU(3)
ops = [("put", 1), ("put", 2), ("put", 3), ("get", 1), ("put", 4), ("get", 2), ("get", 3), ("put", 5), ("get", 1)]
res = []
for op, k in ops:
    if op == "put":
        c.put(k, k * 10)
    else:
        res.append(c.get(k))
print(res, list(c.d))
