"""Namespaces and the names of ontology terms, shared by everything that reads or writes RDF."""
from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kabar-kg/"
KBR = Namespace(BASE + "resource/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")


class KB(DefinedNamespace):
    """The kabar-kg ontology; a misspelt term fails at import time."""
    _NS = Namespace(BASE + "ontology#")
    _fail = True
    # classes
    Agent: object
    Person: object
    Organization: object
    Country: object
    Outlet: object
    Place: object
    Article: object
    Claim: object
    SpeechAct: object
    Event: object
    Evidence: object
    Membership: object
    Confirm: object
    Deny: object
    NoComment: object
    Accuse: object
    Condemn: object
    Demand: object
    Warn: object
    Estimate: object
    Statement: object
    Deploy: object
    Supply: object
    Train: object
    Combat: object
    Kill: object
    Attack: object
    Agree: object
    Meet: object
    Summon: object
    Sanction: object
    # properties
    agent: object
    target: object
    place: object
    about: object
    date: object
    datePrecision: object
    dateText: object
    dateSource: object
    quantity: object
    quantityOf: object
    quantityMin: object
    quantityMax: object
    quantityText: object
    negated: object
    modality: object
    quote: object
    quoteBegin: object
    quoteEnd: object
    trigger: object
    evidence: object
    inArticle: object
    articleId: object
    sourceId: object
    nameKey: object
    text: object
    typeCode: object
    roleLabel: object
    jurisdiction: object
    country: object
    duplicateOf: object
    carriedBy: object
    spun: object
    foundBy: object
    outletFoundBy: object
    datePublishedFoundBy: object


# claim type code <-> ontology class
TYPE_CLASS = {
    "CONFIRM": KB.Confirm, "DENY": KB.Deny, "NO_COMMENT": KB.NoComment, "ACCUSE": KB.Accuse,
    "CONDEMN": KB.Condemn, "DEMAND": KB.Demand, "WARN": KB.Warn, "ESTIMATE": KB.Estimate,
    "STATEMENT": KB.Statement, "DEPLOY": KB.Deploy, "SUPPLY": KB.Supply, "TRAIN": KB.Train,
    "COMBAT": KB.Combat, "KILL": KB.Kill, "ATTACK": KB.Attack, "AGREE": KB.Agree, "MEET": KB.Meet,
    "SUMMON": KB.Summon, "SANCTION": KB.Sanction,
}
ENTITY_CLASS = {"Person": KB.Person, "Organization": KB.Organization, "Country": KB.Country,
                "Place": KB.Place, "Outlet": KB.Outlet}
